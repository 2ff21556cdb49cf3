// Loading test files: a sandboxed state per file, `test`, `med` and `ukendt` in its base,
// each declared case turned into contract JSON at once so errors name the line.
#include "harness/testfil.hpp"

#include <fmt/format.h>

#include <chrono>
#include <lauxlib.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <fstream>
#include <sstream>

#include "bind/bind.hpp"
#include "bind/type_text.hpp"
#include "domain/mente_du.hpp"
#include "domain/sag_felter.hpp"
#include "lua/state.hpp"
#include "sandbox.hpp"

namespace kvalitet::harness {

using nlohmann::json;

namespace {

// `ukendt`: JSON null in a test (a Lua table cannot hold nil).
const char kUkendt = 0;

struct Collector {
    const Sources* sources;
    std::string fil;
    std::string kommune;
    std::vector<TestSag> tests;
};

// A mistake in one test (a bad date, a misspelt field): that test fails with it, and the
// file's other tests still run. A file that cannot run at all is a Lua error.
struct TestFejl : std::runtime_error {
    using std::runtime_error::runtime_error;
};
[[noreturn]] void bad_test(const std::string& msg) { throw TestFejl(msg); }

// Values converted so far in one test: a table used in several places is copied into each,
// so 30 levels of { a = x, b = x } would be 2^30 copies; past this many the test is refused.
// Texts count by their bytes as well: one 1 MB text used 3,000 times is 1 MB in Lua and was
// 3 GB as JSON (std::bad_alloc).
constexpr std::size_t kMaxValues = 100000;
constexpr std::size_t kMaxTextBytes = 16u << 20;
struct Budget {
    std::size_t values = 0, text_bytes = 0;
};
constexpr int kMaxCaseDepth = 64; // a case file's nesting (a case has four levels)
constexpr std::chrono::milliseconds kTestfilTid{10000}; // a test file's CPU time, all of it

// Where a value is ("sag.leverancer[2].dato"), written out only for a message or an empty
// table: building the text for each of 100,000 values was half the conversion's work.
struct Sti {
    const Sti* up = nullptr;
    std::string_view key; // empty for a list's element
    lua_Integer index = 0;
    std::string text() const {
        if (!up) return std::string(key);
        std::string s = up->text();
        if (key.empty()) return s + fmt::format("[{}]", index);
        return s.empty() ? std::string(key) : s + "." + std::string(key);
    }
};

json to_json(lua_State* L, int idx, const Sti& path, int depth, Budget& values);

// Whether an empty table at `path` is an empty list: in a case, only the schema's lists are
// (forhold = {} is "nothing assessed yet", an empty object); in `forvent`, {} matches an
// empty list or object alike.
bool empty_is_list(std::string_view path) {
    if (path == "sag") return false;
    if (!path.starts_with("sag.")) return true;
    return detail::er_liste(path.substr(4));
}

// The same, by where the table is: only a case's path is written out (forvent's are lists).
bool empty_is_list(const Sti& path) {
    const Sti* root = &path;
    while (root->up) root = root->up;
    return root->key != "sag" || empty_is_list(path.text());
}

json table_to_json(lua_State* L, int idx, const Sti& path, int depth, Budget& values) {
    idx = lua_absindex(L, idx);
    // Each level holds a key and a value on the stack: a table nested 40 deep needs more
    // than the 20 slots a C function is given.
    if (!lua_checkstack(L, 4)) bad_test(fmt::format("'{}' er for dybt indlejret", path.text()));
    lua_Integer n = 0, keys = 0;
    bool only_ints = true;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        ++keys;
        if (lua_isinteger(L, -2)) n = std::max(n, lua_tointeger(L, -2));
        else only_ints = false;
        lua_pop(L, 1);
    }
    if (only_ints && n == keys && (keys > 0 || empty_is_list(path))) {
        json arr = json::array();
        for (lua_Integer i = 1; i <= n; ++i) {
            lua_geti(L, idx, i);
            arr.push_back(to_json(L, -1, Sti{&path, {}, i}, depth + 1, values));
            lua_pop(L, 1);
        }
        return arr;
    }
    json obj = json::object();
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        if (lua_type(L, -2) != LUA_TSTRING)
            bad_test(fmt::format("'{}' blander en liste {{ a, b }} og felter {{ navn = ... }}; vælg én af delene", path.text()));
        std::string key = lua_tostring(L, -2);
        obj[key] = to_json(L, -1, Sti{&path, key, 0}, depth + 1, values);
        lua_pop(L, 1);
    }
    return obj;
}

json to_json(lua_State* L, int idx, const Sti& path, int depth, Budget& values) {
    if (depth > 40) bad_test(fmt::format("'{}' er for dybt indlejret", path.text()));
    if (++values.values > kMaxValues)
        bad_test(fmt::format("'{}': testen har mere end {} værdier (en tabel brugt mange steder?); gør den mindre",
                             path.text(), kMaxValues));
    if (lua_type(L, idx) == LUA_TSTRING && (values.text_bytes += lua_rawlen(L, idx)) > kMaxTextBytes)
        bad_test(fmt::format("'{}': testens tekster fylder mere end {} MiB i alt (en lang tekst brugt mange steder?); "
                             "gør dem kortere",
                             path.text(), kMaxTextBytes >> 20));
    switch (lua_type(L, idx)) {
    case LUA_TNIL: return nullptr;
    case LUA_TBOOLEAN: return bool(lua_toboolean(L, idx));
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx)) return lua_tointeger(L, idx);
        return lua_tonumber(L, idx);
    case LUA_TSTRING: return std::string(lua_tostring(L, idx));
    case LUA_TLIGHTUSERDATA:
        if (lua_touserdata(L, idx) == &kUkendt) return nullptr;
        break;
    case LUA_TUSERDATA:
        if (Dato* d = bind::to_dato(L, idx)) return d->iso();
        break;
    case LUA_TTABLE: return table_to_json(L, idx, path, depth, values);
    default: break;
    }
    bad_test(fmt::format("'{}' kan ikke bruges i en test ({}); skriv tal, tekst, true/false, ukendt eller en tabel", path.text(),
                         bind::type_text(L, idx)));
}

std::optional<std::string> read_disk(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Largest case file a test may name: cases are small, and the file is read whole.
constexpr std::uintmax_t kMaxCaseFile = 16u << 20;

// Why `name` cannot name a case file, or "" when it can: a test reads only files in its
// own folder or below it (in municipalities/<id>/tests/, its municipality's tree), so the
// name is relative and has no "..". Otherwise a test could read any file the user can
// (/tmp/secret.json) and show its content in the failure output.
std::string bad_case_name(const std::string& name) {
    namespace fs = std::filesystem;
    if (name.empty()) return "navnet er tomt";
    const fs::path p(name);
    if (p.has_root_name() || p.has_root_directory()) return "en absolut sti er ikke tilladt";
    for (const auto& part : p)
        if (part == "..") return "'..' er ikke tilladt";
    return {};
}

// On disk, the file must also resolve inside the folder: a symbolic link must not lead out.
bool inside(const std::filesystem::path& file, const std::filesystem::path& folder) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto f = fs::weakly_canonical(file, ec);
    if (ec) return false;
    const auto d = fs::weakly_canonical(folder.empty() ? fs::path(".") : folder, ec);
    if (ec) return false;
    auto fi = f.begin();
    for (auto di = d.begin(); di != d.end(); ++di, ++fi)
        if (fi == f.end() || *fi != *di) return false;
    return true;
}

// A case file named in a test, relative to the test file: from disk beside it, else from
// `sources` (a test file that came from the embedded copy).
void read_case_file(const Collector& c, TestSag& t, const std::string& name) {
    namespace fs = std::filesystem;
    // A name that leads out of the folder is refused for this test alone, as a missing file
    // is: the file's other tests still run, and nothing outside is read.
    auto refuse = [&](const std::string& why) { t.sag_fejl = fmt::format("sagsfilen '{}' {}", name, why); };
    if (auto why = bad_case_name(name); !why.empty())
        return refuse(fmt::format("skal ligge i testfilens mappe eller under den ({})", why));
    const fs::path folder = fs::path(c.fil).parent_path();
    const auto rel = (folder / name).lexically_normal();
    std::optional<std::string> text;
    std::error_code ec;
    if (fs::exists(fs::symlink_status(rel, ec))) {
        if (!inside(rel, folder)) return refuse("fører uden for testfilens mappe (et symbolsk link?)");
        if (!fs::is_regular_file(rel, ec)) return refuse("er ikke en almindelig fil");
        if (fs::file_size(rel, ec) > kMaxCaseFile) return refuse(fmt::format("er større end {} MiB", kMaxCaseFile >> 20));
        text = read_disk(rel);
    }
    if (!text) text = c.sources->read(rel.generic_string());
    if (!text) {
        t.sag_fejl = fmt::format("sagsfilen '{}' findes ikke (søgt som {})", name, rel.generic_string());
        return;
    }
    try {
        // As the case reader's limit: nesting deeper than a case has is refused while parsing,
        // before anything recurses over it (a file of 100,000 '[' crashed the dump).
        t.sag = json::parse(*text, [](int depth, json::parse_event_t, json&) {
            if (depth > kMaxCaseDepth) throw TestFejl("for dyb");
            return true;
        });
    } catch (const json::parse_error& e) { // its message quotes the file: say where only
        t.sag_fejl = fmt::format("sagsfilen '{}' er ikke gyldig JSON (fejl ved byte {})", rel.generic_string(), e.byte);
    } catch (const json::exception&) { // e.g. a number too large for a double
        t.sag_fejl = fmt::format("sagsfilen '{}' er ikke gyldig JSON (et tal uden for området?)", rel.generic_string());
    } catch (const TestFejl&) {
        t.sag = json::object();
        t.sag_fejl = fmt::format("sagsfilen '{}' er indlejret dybere end {} niveauer; en sag har højst et par stykker",
                                 rel.generic_string(), kMaxCaseDepth);
    }
}

constexpr std::string_view kFelter[] = {"navn", "dato", "sag", "forvent", "kommune", "note"};

// The fields of one test into `t`; a mistake in them is a TestFejl (bad_test).
void read_test(lua_State* L, Collector& c, TestSag& t) {
    Budget values;
    if (!lua_istable(L, 1)) bad_test("skriv test { navn = ..., dato = ..., sag = ..., forvent = ... }");
    lua_getfield(L, 1, "navn");
    if (lua_isstring(L, -1)) t.navn = lua_tostring(L, -1);
    // One line in every report: a newline in a name could fake a line of the output
    std::replace_if(t.navn.begin(), t.navn.end(), [](char ch) { return ch == '\n' || ch == '\r' || ch == '\t'; }, ' ');
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        const char* k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : nullptr;
        if (!k || std::find(std::begin(kFelter), std::end(kFelter), std::string_view(k)) == std::end(kFelter))
            bad_test(fmt::format("test: ukendt felt '{}'{} (felterne er: {})", k ? k : "?", k ? mente_du(k, kFelter) : "",
                                 fmt::join(kFelter, ", ")));
        lua_pop(L, 1);
    }
    if (t.navn.empty()) bad_test("test: feltet 'navn' mangler (en kort sætning om hvad testen viser)");
    lua_getfield(L, 1, "dato");
    if (Dato* d = bind::to_dato(L, -1)) t.dato = *d;
    else if (auto parsed = lua_type(L, -1) == LUA_TSTRING ? Dato::parse(lua_tostring(L, -1)) : std::nullopt) t.dato = *parsed;
    else if (lua_type(L, -1) == LUA_TSTRING)
        bad_test(fmt::format("feltet 'dato' er \"{}\", som ikke er en rigtig dato \"ÅÅÅÅ-MM-DD\" (findes dagen?)",
                             lua_tostring(L, -1)));
    else bad_test("feltet 'dato' skal være vurderingsdatoen \"ÅÅÅÅ-MM-DD\"");
    // As `vurder --dato`: a date the calendar cannot count from is the test's, not a rule's
    if (!t.dato.i_omraadet())
        bad_test(fmt::format("feltet 'dato' er {}, som ligger uden for de datoer, der kan regnes med ({} – {})",
                             t.dato.iso(), Dato::foerste().iso(), Dato::sidste().iso()));
    lua_getfield(L, 1, "kommune");
    if (lua_isstring(L, -1)) t.kommune = lua_tostring(L, -1);
    if (t.kommune.empty()) bad_test("angiv kommune = \"id\", eller læg filen i municipalities/<id>/tests/");
    lua_getfield(L, 1, "sag");
    if (lua_type(L, -1) == LUA_TSTRING) read_case_file(c, t, lua_tostring(L, -1));
    else if (lua_istable(L, -1)) t.sag = to_json(L, -1, Sti{nullptr, "sag", 0}, 0, values);
    else bad_test("feltet 'sag' skal være en tabel eller et filnavn \"sag.json\"");
    if (t.sag.is_object() && !t.sag.contains("id")) t.sag["id"] = fmt::format("{}:{}", t.fil, t.linje);
    lua_getfield(L, 1, "forvent");
    if (lua_isnil(L, -1)) bad_test("feltet 'forvent' mangler (hvad vurderingen skal indeholde)");
    if (!lua_istable(L, -1))
        bad_test(fmt::format("feltet 'forvent' er {}; det skal være en tabel med det, vurderingen skal indeholde, "
                             "f.eks. forvent = {{ maalgruppe = {{ i_maalgruppe = true }} }}",
                             bind::type_text(L, -1)));
    t.forvent = to_json(L, -1, Sti{nullptr, "forvent", 0}, 0, values);
}

// test { navn, dato, sag, forvent [, kommune, note] }
int l_test(lua_State* L) {
    auto& c = *static_cast<Collector*>(lua_touserdata(L, lua_upvalueindex(1)));
    TestSag t;
    lua_Debug ar;
    if (lua_getstack(L, 1, &ar)) {
        lua_getinfo(L, "l", &ar);
        t.linje = ar.currentline;
    }
    t.fil = c.fil;
    t.kommune = c.kommune;
    try {
        read_test(L, c, t);
    } catch (const TestFejl& e) {
        // This test fails with what is wrong in it; the file's other tests still run.
        t.sag_fejl = fmt::format("testen er skrevet forkert: {}", e.what());
        if (t.navn.empty()) t.navn = fmt::format("(test uden navn, linje {})", t.linje);
        t.sag = json::object();
        t.forvent = json::object();
    }
    c.tests.push_back(std::move(t));
    return 0;
}

// med(basis, aendringer): a deep copy of basis with aendringer merged in; a list in
// aendringer replaces the list in basis, and `ukendt` removes a field.
constexpr std::string_view kMed = R"lua(
local ukendt = ...
-- A table in itself (t.a = t) would recurse until Lua's stack ran out and name this chunk:
-- past this depth the copy stops, and med names the caller's line.
local DYBDE = 40
local function kopi(t, d)
  if type(t) ~= "table" then return t end
  if d > DYBDE then return nil, true end
  local k = {}
  for n, v in pairs(t) do
    local c, for_dyb = kopi(v, d + 1)
    if for_dyb then return nil, true end
    k[n] = c
  end
  return k
end
local function er_liste(t)
  if t[1] ~= nil then return true end
  for _ in pairs(t) do return false end
  return true
end
local function flet(a, b, d)
  if d > DYBDE then return nil, true end
  for n, v in pairs(b) do
    local for_dyb
    if v == ukendt then a[n] = nil
    elseif type(v) == "table" and type(a[n]) == "table" and not er_liste(v) then for_dyb = select(2, flet(a[n], v, d + 1))
    else a[n], for_dyb = kopi(v, d + 1) end
    if for_dyb then return nil, true end
  end
  return a
end
local FOR_DYB = "med: tabellerne er indlejret mere end " .. DYBDE .. " niveauer dybt (en tabel, der indeholder sig selv?)"
return function(basis, aendringer)
  if type(basis) ~= "table" then error("med: første argument skal være en tabel (en sag)", 2) end
  local k, for_dyb = kopi(basis, 1)
  if not for_dyb then k, for_dyb = flet(k, aendringer or {}, 1) end
  if for_dyb then error(FOR_DYB, 2) end
  return k
end
)lua";

int prepare(lua_State* L) {
    auto* c = static_cast<Collector*>(lua_touserdata(L, 1));
    bind::open_domain(L);
    lua_pushlightuserdata(L, const_cast<char*>(&kUkendt));
    sandbox::expose(L, "ukendt");
    lua_pushlightuserdata(L, c);
    lua_pushcclosure(L, lua::guarded<l_test>, 1); // a C++ exception must reach Lua as an error
    sandbox::expose(L, "test");
    return 0;
}

} // namespace

std::string kommune_of_path(std::string_view path) {
    std::string p(path);
    for (auto& ch : p)
        if (ch == '\\') ch = '/';
    const std::string key = "municipalities/";
    auto at = p.rfind(key);
    if (at == std::string::npos || (at > 0 && p[at - 1] != '/')) return {};
    auto rest = p.substr(at + key.size());
    return rest.substr(0, rest.find('/'));
}

void push_ukendt(lua_State* L) { lua_pushlightuserdata(L, const_cast<char*>(&kUkendt)); }

bool is_ukendt(lua_State* L, int index) {
    return lua_type(L, index) == LUA_TLIGHTUSERDATA && lua_touserdata(L, index) == &kUkendt;
}

void push_med(lua::State& state) {
    sandbox::load(state, kMed, "=med", sandbox::Env::Standard);
    push_ukendt(state);
    state.call(1, 1);
}

std::vector<TestSag> load_test_file(const Sources& sources, const std::string& fil, std::string_view text) {
    Collector c{&sources, fil, kommune_of_path(fil), {}};
    // The whole file is one call, and each test's tables are converted inside it: a file of
    // many tests, or one at the 100,000-value limit under a sanitizer, took more than an
    // assessment's 1 s of CPU. 10 s still ends a loop written by mistake.
    lua::State state({.memory_bytes = lua::Limits{}.memory_bytes, .time = kTestfilTid});
    sandbox::open(state, sources);
    lua_State* L = state;
    lua_pushcfunction(L, prepare);
    lua_pushlightuserdata(L, &c);
    state.call(1, 0);
    push_med(state);
    sandbox::expose(L, "med");
    sandbox::load(state, text, "@" + fil, sandbox::Env::Standard);
    state.call(0, 0);
    return std::move(c.tests);
}

} // namespace kvalitet::harness
