#include "store/status.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <simdjson.h>

#include <optional>
#include <set>

#include "domain/tekst.hpp"
#include "lua/error.hpp"

namespace kvalitet {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

// The member `key` of `e` when `e` is an object (the first of that name, as SQLite's JSON
// paths take it), else nothing.
std::optional<element> member(const object& o, std::string_view key) {
    element v;
    if (o.at_key(key).get(v) != simdjson::SUCCESS) return std::nullopt;
    return v;
}
std::optional<element> member(const element& e, std::string_view key) {
    object o;
    if (e.get(o) != simdjson::SUCCESS) return std::nullopt;
    return member(o, key);
}

// A number as SQLite shows a REAL (printf "%!.15g": always with a decimal point).
std::string sql_real(double d) {
    std::string t = fmt::format("{:.15g}", d);
    const auto e = t.find_first_of("eE");
    const auto mantissa = t.substr(0, e);
    if (mantissa.find('.') == std::string::npos && mantissa.find_first_of("in") == std::string::npos)
        t.insert(e == std::string::npos ? t.size() : e, ".0");
    return t;
}

// An id as the counts name it: the text of what json_extract gives (a string unescaped, a
// number or true/false as SQLite shows it, an object or array as JSON); null: none.
std::optional<std::string> id_text(const element& v) {
    switch (v.type()) {
    case element_type::NULL_VALUE: return std::nullopt;
    case element_type::STRING: return std::string(v.get_string().value_unsafe());
    case element_type::INT64: return std::to_string(v.get_int64().value_unsafe());
    case element_type::UINT64: return sql_real(double(v.get_uint64().value_unsafe())); // past int64: a REAL
    case element_type::DOUBLE: return sql_real(v.get_double().value_unsafe());
    case element_type::BOOL: return std::string(v.get_bool().value_unsafe() ? "1" : "0");
    default: return simdjson::minify(v);
    }
}

// The rows json_each gives for `v`: an array's elements, an object's values, or `v` itself.
template <class F> void each_of(const element& v, F&& f) {
    simdjson::dom::array a;
    object o;
    if (v.get(a) == simdjson::SUCCESS) {
        for (element x : a) f(x);
    } else if (v.get(o) == simdjson::SUCCESS) {
        for (auto field : o) f(field.value);
    } else {
        f(v);
    }
}

// One case's latest assessment, counted under its municipality.
void count(KommuneStatus& k, const object& root) {
    ++k.vurderet;
    if (auto m = member(root, "maalgruppe")) {
        if (auto i = member(*m, "i_maalgruppe")) {
            if (i->is_null()) ++k.uafklaret;
            else if (i->is_bool()) ++(i->get_bool().value_unsafe() ? k.i_maalgruppe : k.uden_for);
        }
    }
    if (auto p = member(root, "pakke"))
        if (auto id = member(*p, "id"))
            if (auto t = id_text(*id)) ++k.pakker[*t];
    if (auto f = member(root, "frister")) {
        each_of(*f, [&](const element& x) {
            const auto status = member(x, "status");
            std::string_view s;
            if (!status || status->get(s) != simdjson::SUCCESS || s != "overskredet") return;
            const auto id = member(x, "id");
            ++k.overskredne_frister[id ? id_text(*id).value_or("") : ""];
        });
    }
    // Cases with the warning, not warnings: a case with twelve late weeks is one case to act on.
    if (auto a = member(root, "advarsler")) {
        std::set<std::optional<std::string>> ids; // an id of null and one of "" are two (as SQL groups them)
        each_of(*a, [&](const element& x) {
            if (!x.is_object()) return;
            const auto id = member(x, "id");
            ids.insert(id ? id_text(*id) : std::nullopt);
        });
        for (const auto& id : ids) ++k.advarsler[id.value_or("")];
        simdjson::dom::array liste;
        if (a->get(liste) == simdjson::SUCCESS && liste.size() > 0) ++k.med_advarsler;
    }
}

} // namespace

std::map<std::string, KommuneStatus> store_status(CaseStore& store) {
    std::map<std::string, KommuneStatus> out;
    SQLite::Statement cases(store.db(), "SELECT kommune, count(*) FROM sager GROUP BY kommune");
    while (cases.executeStep()) out[cases.getColumn(0).getString()].sager = cases.getColumn(1).getInt64();
    // Each latest assessment read and parsed once, checked as the store hands it out: a row
    // written beside kvalitet (the log refuses UPDATE and DELETE, not INSERT) is named.
    store.latest_parsed([&](std::string_view kommune, const object& v) { count(out[std::string(kommune)], v); });
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
