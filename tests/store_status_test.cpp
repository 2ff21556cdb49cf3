// db status counts each case's latest assessment in one pass in C++. It must count what the
// SQL it replaced counted (kept here as the reference), for the engine's own assessments and
// for rows written beside kvalitet with odd shapes: ids that are null, "", numbers, true,
// objects; lists that are objects or scalars; duplicate keys; a case assessed twice.
#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "domain/sag.hpp"
#include "engine/standard.hpp"
#include "sources.hpp"
#include "store/case_store.hpp"
#include "store/demo_sager.hpp"
#include "store/status.hpp"

using namespace kvalitet;
namespace fs = std::filesystem;

namespace {

struct TempDb {
    fs::path path = fs::temp_directory_path() / ("kvalitet-status-" + std::to_string(::getpid()) + ".db");
    ~TempDb() {
        for (auto ext : {"", "-wal", "-shm"}) fs::remove(path.string() + ext);
    }
};

// The counts as SQLite's JSON functions gave them before the single pass.
constexpr const char* kLatest =
    "WITH seneste AS (SELECT v.nr, v.kommune, v.sag_id, v.vurdering FROM vurderinger v "
    "JOIN (SELECT max(nr) AS nr FROM vurderinger GROUP BY sag_id) m ON v.nr = m.nr) ";

void count_by(CaseStore& store, const char* sql, std::map<std::string, KommuneStatus>& out,
              std::map<std::string, std::int64_t> KommuneStatus::*field) {
    SQLite::Statement st(store.db(), std::string(kLatest) + sql);
    while (st.executeStep())
        (out[st.getColumn(0).getString()].*field)[st.getColumn(1).getString()] += st.getColumn(2).getInt64();
}

std::map<std::string, KommuneStatus> by_sql(CaseStore& store) {
    std::map<std::string, KommuneStatus> out;
    SQLite::Statement cases(store.db(), "SELECT kommune, count(*) FROM sager GROUP BY kommune");
    while (cases.executeStep()) out[cases.getColumn(0).getString()].sager = cases.getColumn(1).getInt64();
    SQLite::Statement groups(store.db(), std::string(kLatest) +
        "SELECT kommune, count(*), "
        "sum(json_type(vurdering, '$.maalgruppe.i_maalgruppe') = 'true'), "
        "sum(json_type(vurdering, '$.maalgruppe.i_maalgruppe') = 'false'), "
        "sum(json_type(vurdering, '$.maalgruppe.i_maalgruppe') = 'null') "
        "FROM seneste GROUP BY kommune");
    while (groups.executeStep()) {
        auto& k = out[groups.getColumn(0).getString()];
        k.vurderet = groups.getColumn(1).getInt64();
        k.i_maalgruppe = groups.getColumn(2).getInt64();
        k.uden_for = groups.getColumn(3).getInt64();
        k.uafklaret = groups.getColumn(4).getInt64();
    }
    count_by(store, "SELECT kommune, json_extract(vurdering, '$.pakke.id') AS p, count(*) FROM seneste "
                    "WHERE p IS NOT NULL GROUP BY 1, 2", out, &KommuneStatus::pakker);
    count_by(store, "SELECT s.kommune, CASE WHEN f.type = 'object' THEN json_extract(f.value, '$.id') END AS id, "
                    "count(*) FROM seneste s, json_each(s.vurdering, '$.frister') f "
                    "WHERE CASE WHEN f.type = 'object' THEN json_extract(f.value, '$.status') END = 'overskredet' "
                    "GROUP BY 1, 2", out, &KommuneStatus::overskredne_frister);
    count_by(store, "SELECT s.kommune, CASE WHEN a.type = 'object' THEN json_extract(a.value, '$.id') END, "
                    "count(DISTINCT s.sag_id) FROM seneste s, json_each(s.vurdering, '$.advarsler') a "
                    "WHERE a.type = 'object' GROUP BY 1, 2", out, &KommuneStatus::advarsler);
    SQLite::Statement warned(store.db(), std::string(kLatest) +
        "SELECT kommune, count(*) FROM seneste WHERE json_array_length(vurdering, '$.advarsler') > 0 GROUP BY 1");
    while (warned.executeStep()) out[warned.getColumn(0).getString()].med_advarsler = warned.getColumn(1).getInt64();
    return out;
}

// A random assessment-shaped object for case `id`, from pieces that cover the odd shapes.
std::string odd_assessment(std::mt19937& rng, const std::string& id) {
    auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
    const std::vector<std::string> ids = {"\"a\"", "\"b\"", "\"\"", "null", "5", "-3", "1.5", "2.0", "1e20",
                                          "12345678901234567890", "true", "false", "{\"x\":1}", "[1,2]",
                                          "\"\\u00e6\\/\""};
    auto element = [&](bool with_status) {
        std::string e = "{";
        if (rng() % 5) e += "\"id\":" + pick(ids);
        if (with_status && rng() % 4) e += std::string(e.size() > 1 ? "," : "") + "\"status\":" +
                                          pick({"\"overskredet\"", "\"overholdt\"", "null", "1"});
        if (rng() % 6 == 0) e += std::string(e.size() > 1 ? "," : "") + "\"id\":\"dublet\"";
        return e + "}";
    };
    auto list = [&](bool with_status) {
        switch (rng() % 6) {
        case 0: return std::string("[]");
        case 1: return "{\"k1\":" + element(with_status) + ",\"k2\":" + element(with_status) + "}";
        case 2: return pick({"\"x\"", "3", "null", "true"});
        default: {
            std::string l = "[";
            for (unsigned i = 0, n = rng() % 4 + 1; i < n; ++i)
                l += (i ? "," : "") + (rng() % 5 ? element(with_status) : pick({"\"x\"", "7", "null", "[]"}));
            return l + "]";
        }
        }
    };
    std::string j = "{\"sag_id\":\"" + id + "\"";
    if (rng() % 6)
        j += ",\"maalgruppe\":" + pick({"{\"i_maalgruppe\":true}", "{\"i_maalgruppe\":false}", "{\"i_maalgruppe\":null}",
                                        "{}", "{\"i_maalgruppe\":\"ja\"}", "{\"i_maalgruppe\":1}", "[true]", "null",
                                        "{\"i_maalgruppe\":true,\"i_maalgruppe\":false}"});
    if (rng() % 4) j += ",\"pakke\":" + (rng() % 5 ? "{\"id\":" + pick(ids) + "}" : pick({"null", "\"p\"", "[]"}));
    if (rng() % 5) j += ",\"frister\":" + list(true);
    if (rng() % 5) j += ",\"advarsler\":" + list(false);
    return j + "}";
}

void same(const std::map<std::string, KommuneStatus>& a, const std::map<std::string, KommuneStatus>& b) {
    REQUIRE(a.size() == b.size());
    for (const auto& [k, x] : a) {
        INFO("kommune " << k);
        REQUIRE(b.count(k) == 1);
        const auto& y = b.at(k);
        CHECK(x.sager == y.sager);
        CHECK(x.vurderet == y.vurderet);
        CHECK(x.i_maalgruppe == y.i_maalgruppe);
        CHECK(x.uden_for == y.uden_for);
        CHECK(x.uafklaret == y.uafklaret);
        CHECK(x.med_advarsler == y.med_advarsler);
        CHECK(x.pakker == y.pakker);
        CHECK(x.overskredne_frister == y.overskredne_frister);
        CHECK(x.advarsler == y.advarsler);
    }
}

} // namespace

TEST_CASE("db status: one pass counts what the SQL counted, for the engine's assessments") {
    TempDb t;
    CaseStore s(t.path.string());
    const Dato dato = *Dato::parse("2026-11-22");
    std::map<std::string, std::unique_ptr<Standard>> standards;
    std::vector<StoredCase> cases;
    std::vector<AssessmentRow> rows;
    for (std::uint64_t i = 0; i < 300; ++i) {
        std::string json = demo_sag(85, i, dato);
        Sag sag = Sag::from_json(json);
        auto& std_ = standards[*sag.kommune];
        if (!std_) std_ = Standard::load(Sources::embedded(), *sag.kommune);
        rows.push_back({sag.id, "c", *sag.kommune, "s", dato.iso(), std_->vurder(sag, dato).json()});
        cases.push_back({0, sag.id, *sag.kommune, std::move(json), {}});
    }
    s.put_cases(cases);
    s.add_assessments(rows);
    const auto status = store_status(s);
    same(status, by_sql(s));
    std::int64_t pakker = 0, frister = 0, advarsler = 0;
    for (const auto& [k, x] : status) {
        CHECK(x.vurderet == x.sager);
        for (const auto& [id, n] : x.pakker) pakker += n;
        for (const auto& [id, n] : x.overskredne_frister) frister += n;
        for (const auto& [id, n] : x.advarsler) advarsler += n;
    }
    CHECK(pakker > 0); // the demo cases reach every kind of count: the comparison compares something
    CHECK(frister > 0);
    CHECK(advarsler > 0);
}

TEST_CASE("db status: one pass counts what the SQL counted, for odd rows written beside kvalitet") {
    TempDb t;
    CaseStore s(t.path.string());
    std::mt19937 rng(17);
    const std::vector<std::string> kommuner = {"varde", "lejre", "andeby"};
    for (int round = 0; round < 2; ++round) { // the second assesses some cases again: the latest counts
        std::vector<AssessmentRow> rows;
        for (int i = 0; i < 400; ++i) {
            if (round == 1 && i % 3) continue;
            const std::string id = "s" + std::to_string(i);
            rows.push_back({id, "c" + std::to_string(round), kommuner[std::size_t(i) % kommuner.size()], "s",
                            "2026-11-2" + std::to_string(round + 2), odd_assessment(rng, id)});
        }
        s.add_assessments(rows);
    }
    same(store_status(s), by_sql(s));
}
