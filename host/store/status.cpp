#include "store/status.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "domain/tekst.hpp"
#include "lua/error.hpp"

namespace kvalitet {

namespace {

constexpr const char* kLatest =
    "WITH seneste AS (SELECT v.nr, v.kommune, v.sag_id, v.vurdering FROM vurderinger v "
    "JOIN (SELECT max(nr) AS nr FROM vurderinger GROUP BY sag_id) m ON v.nr = m.nr) ";

void count_by(CaseStore& store, const char* sql, std::map<std::string, KommuneStatus>& out,
              std::map<std::string, std::int64_t> KommuneStatus::*field) {
    SQLite::Statement st(store.db(), std::string(kLatest) + sql);
    while (st.executeStep())
        (out[st.getColumn(0).getString()].*field)[st.getColumn(1).getString()] += st.getColumn(2).getInt64();
}

} // namespace

std::map<std::string, KommuneStatus> store_status(CaseStore& store) {
    // A latest assessment written beside kvalitet (the log refuses UPDATE and DELETE, not
    // INSERT) is named by its row before the counts read it: the store's own check.
    store.latest_assessments([](const std::string&) {});
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
    // CASE: a list element that is no object is no JSON text to json_extract (SQLite's
    // "malformed JSON"); only objects are read.
    count_by(store, "SELECT s.kommune, CASE WHEN f.type = 'object' THEN json_extract(f.value, '$.id') END AS id, "
                    "count(*) FROM seneste s, json_each(s.vurdering, '$.frister') f "
                    "WHERE CASE WHEN f.type = 'object' THEN json_extract(f.value, '$.status') END = 'overskredet' "
                    "GROUP BY 1, 2", out, &KommuneStatus::overskredne_frister);
    // Cases with the warning, not warnings: a case with twelve late weeks is one case to act on.
    count_by(store, "SELECT s.kommune, CASE WHEN a.type = 'object' THEN json_extract(a.value, '$.id') END, "
                    "count(DISTINCT s.sag_id) FROM seneste s, json_each(s.vurdering, '$.advarsler') a "
                    "WHERE a.type = 'object' GROUP BY 1, 2", out, &KommuneStatus::advarsler);
    SQLite::Statement warned(store.db(), std::string(kLatest) +
        "SELECT kommune, count(*) FROM seneste WHERE json_array_length(vurdering, '$.advarsler') > 0 GROUP BY 1");
    while (warned.executeStep()) out[warned.getColumn(0).getString()].med_advarsler = warned.getColumn(1).getInt64();
    return out;
}

std::string status_tekst(const std::map<std::string, KommuneStatus>& status) {
    std::string out;
    auto liste = [](const std::map<std::string, std::int64_t>& m) {
        if (m.empty()) return std::string("ingen");
        std::string s;
        for (const auto& [id, n] : m) s += fmt::format("{}{} {}", s.empty() ? "" : ", ", printable_line(id), n);
        return s;
    };
    // Ids as the log holds them, on one line: a row written beside kvalitet may hold anything.
    for (const auto& [id, k] : status) {
        out += fmt::format("{}\n", printable_line(id));
        out += fmt::format("  sager: {}, vurderet: {}\n", k.sager, k.vurderet);
        out += fmt::format("  målgruppe: {} i, {} uden for, {} uafklaret\n", k.i_maalgruppe, k.uden_for, k.uafklaret);
        if (!k.pakker.empty()) out += fmt::format("  pakker: {}\n", liste(k.pakker));
        out += fmt::format("  overskredne frister: {}\n", liste(k.overskredne_frister));
        out += fmt::format("  sager med advarsler: {} af {}{}\n", k.med_advarsler, k.vurderet,
                           k.advarsler.empty() ? "" : fmt::format(" ({})", liste(k.advarsler)));
    }
    return out;
}

} // namespace kvalitet
