// The editor annotations (annotations/) name exactly what the host gives a standard: the
// case's fields (read from the case views themselves), every global a script sees, every
// declaration's fields, and the fields of Dato, Varighed and Frist. A name added to the
// host without an annotation, or an annotation the host no longer has, fails here.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <lauxlib.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "bind/bind.hpp"
#include "engine/standard.hpp"
#include "sandbox.hpp"
#include "workbench/annoteringer.hpp"

using namespace kvalitet;
using namespace kvalitet::workbench;

namespace {

std::string read(const std::string& rel) {
    std::ifstream in(std::string(KVALITET_SOURCE_DIR) + "/" + rel, std::ios::binary);
    REQUIRE(in);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// What an annotation file declares: classes with their own fields and parent, and globals.
struct Annotated {
    std::map<std::string, std::set<std::string>> fields;
    std::map<std::string, std::string> parent;
    std::set<std::string> globals;

    std::set<std::string> all_fields(const std::string& klasse) const {
        std::set<std::string> out;
        for (std::string k = klasse; !k.empty();) {
            auto it = fields.find(k);
            if (it != fields.end()) out.insert(it->second.begin(), it->second.end());
            auto p = parent.find(k);
            k = p == parent.end() ? "" : p->second;
        }
        return out;
    }
};

Annotated parse(const std::string& text) {
    static const std::regex klasse(R"(^---@class ([A-Za-z_.]+)(?::\s*([A-Za-z_.]+))?)");
    static const std::regex felt(R"(^---@field ([a-z_]+)\??\s)");
    static const std::regex funktion(R"(^function ([A-Za-z_]+)\()");
    static const std::regex variabel(R"(^([A-Za-z_]+) = )");
    Annotated out;
    std::string current;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        std::smatch m;
        if (std::regex_search(line, m, klasse)) {
            current = m[1];
            out.fields[current];
            if (m[2].matched) out.parent[current] = m[2];
        } else if (std::regex_search(line, m, felt) && !current.empty()) {
            out.fields[current].insert(m[1]);
        } else if (std::regex_search(line, m, funktion) || std::regex_search(line, m, variabel)) {
            out.globals.insert(m[1]);
        } else if (line.rfind("---", 0) != 0) {
            current.clear();
        }
    }
    return out;
}

// Lua 5.4's own names, which the editor knows already.
const std::set<std::string> kLua{"assert", "error", "ipairs", "pairs", "select", "tonumber", "tostring", "type",
                                 "print", "string", "table", "math", "utf8", "_VERSION"};

template <class A, class B>
void same_names(const A& host, const B& annotated, const std::string& what) {
    const std::set<std::string> h(host.begin(), host.end()), a(annotated.begin(), annotated.end());
    for (const auto& n : h)
        if (!a.count(n)) FAIL_CHECK(fmt::format("{}: værten kender '{}', men annotations/ nævner det ikke", what, n));
    for (const auto& n : a)
        if (!h.count(n)) FAIL_CHECK(fmt::format("{}: annotations/ nævner '{}', som værten ikke kender", what, n));
}

} // namespace

TEST_CASE("annoteringer: annotations/sag.lua is what `kvalitet annoteringer` makes of the host's case views") {
    auto standard = Standard::load(Sources::directory(KVALITET_SOURCE_DIR), "varde");
    const auto klasser = sag_klasser(*standard);
    // the walk itself reached the case's parts and their lists
    std::set<std::string> names;
    for (const auto& k : klasser) names.insert(k.navn);
    for (const char* k : {"Sag", "Sag.Borger", "Sag.Vum", "Sag.Vum.Temaer", "Sag.Forhold", "Sag.Bevilling",
                          "Sag.Bevilling.Leverandoer", "Sag.Leverance", "Sag.Opfoelgning", "Sag.Afbud", "Sag.Ydelse"})
        CHECK(names.count(k));
    INFO("kør: kvalitet annoteringer --ud annotations/sag.lua");
    CHECK(read("annotations/sag.lua") == sag_annotationer(klasser));

    // and its fields are the views' fields, class by class
    const Annotated a = parse(read("annotations/sag.lua"));
    for (const auto& k : klasser) {
        std::vector<std::string> felter;
        for (const auto& f : k.felter) felter.push_back(f.navn);
        same_names(felter, a.all_fields(k.navn), k.navn);
    }
}

TEST_CASE("annoteringer: every global a standard sees is annotated, and nothing else") {
    auto standard = Standard::load(Sources::directory(KVALITET_SOURCE_DIR), "varde");
    std::vector<std::string> host;
    for (const auto& n : globale_navne(*standard))
        if (!kLua.count(n)) host.push_back(n);
    CHECK(host.size() > 20);
    same_names(host, parse(read("annotations/kvalitet.lua")).globals, "globale navne");
}

TEST_CASE("annoteringer: each declaration's fields are its class's fields") {
    auto standard = Standard::load(Sources::directory(KVALITET_SOURCE_DIR), "varde");
    const std::map<std::string, std::string> klasse{
        {"kvalitetsstandard", "Kvalitetsstandard"}, {"parametre", "Parameter"}, {"betingelse", "Betingelse"},
        {"udelukkelse", "Udelukkelse"},   {"henvisning", "Henvisning"}, {"aktivitet", "Aktivitet"},
        {"pakke", "Pakke"},               {"frist", "FristErklaering"},  {"krav", "Krav"}};
    const Annotated a = parse(read("annotations/kvalitet.lua"));
    const auto felter = erklaering_felter(*standard);
    std::vector<std::string> arts;
    for (const auto& [art, _] : felter) arts.push_back(art);
    std::vector<std::string> mapped;
    for (const auto& [art, _] : klasse) mapped.push_back(art);
    same_names(arts, mapped, "erklæringer (tilføj den nye til testens tabel og til kvalitet.lua)");
    for (const auto& [art, names] : felter) {
        auto it = klasse.find(art);
        if (it == klasse.end()) continue;
        same_names(names, a.all_fields(it->second), art);
    }
}

TEST_CASE("annoteringer: every field annotated on Dato, Varighed and Frist is there") {
    auto standard = Standard::load(Sources::directory(KVALITET_SOURCE_DIR), "varde");
    const Annotated a = parse(read("annotations/kvalitet.lua"));
    REQUIRE(a.fields.count("Dato"));
    REQUIRE(a.fields.count("Varighed"));
    REQUIRE(a.fields.count("Frist"));
    std::vector<std::string> missing;
    standard->state().protect(0, [&](lua_State* L) {
        auto check = [&](const std::string& klasse) {
            for (const auto& f : a.fields.at(klasse)) {
                if (lua_getfield(L, -1, f.c_str()) == LUA_TNIL) missing.push_back(klasse + "." + f);
                lua_pop(L, 1);
            }
        };
        bind::push_dato(L, Dato::ymd(2026, 11, 22));
        check("Dato");
        lua_pop(L, 1);
        bind::push_varighed(L, Varighed{Varighed::Enhed::Uger, 4});
        check("Varighed");
        lua_pop(L, 1);
        // a Frist as a script makes one: Frist { fra = …, varighed = … }
        sandbox::push_env(L, sandbox::Env::Standard);
        lua_getfield(L, -1, "Frist");
        lua_createtable(L, 0, 2);
        bind::push_dato(L, Dato::ymd(2026, 11, 22));
        lua_setfield(L, -2, "fra");
        bind::push_varighed(L, Varighed{Varighed::Enhed::Uger, 4});
        lua_setfield(L, -2, "varighed");
        lua_call(L, 1, 1);
        check("Frist");
        lua_pop(L, 2);
    });
    CHECK(missing.empty());
    for (const auto& m : missing) UNSCOPED_INFO(m);
}

TEST_CASE("annoteringer: .luarc.json points the editor at annotations/") {
    const std::string luarc = read(".luarc.json");
    CHECK(luarc.find("\"annotations\"") != std::string::npos);
    CHECK(luarc.find("Lua 5.4") != std::string::npos);
}
