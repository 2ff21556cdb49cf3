// Case JSON → Sag. Every error names the JSON path and says what was expected, in Danish.
// Parsed with simdjson: bench/json_parse measured it 11× faster than nlohmann-json on the
// main job's cases, and parsing was the largest cost of `vurder --ndjson`. nlohmann is
// kept for one thing: the byte position of a syntax error, on that (rare) path only.
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <initializer_list>

#include "domain/sag.hpp"
#include "lua/error.hpp"

namespace kvalitet {

namespace {

using json = simdjson::dom::element;
using Type = simdjson::dom::element_type;

std::string type_name(const json& v) {
    switch (v.type()) {
    case Type::NULL_VALUE: return "null";
    case Type::BOOL: return "en sandhedsværdi";
    case Type::INT64:
    case Type::UINT64: return "et heltal";
    case Type::DOUBLE: return "et tal";
    case Type::STRING: return "en tekst";
    case Type::ARRAY: return "en liste";
    case Type::OBJECT: return "et objekt";
    }
    return "en ukendt værdi";
}

[[noreturn]] void fail(const std::string& path, const std::string& what) {
    throw InputError(fmt::format("feltet '{}': {}", path, what));
}

[[noreturn]] void wrong_type(const std::string& path, const char* expected, const json& v) {
    fail(path, fmt::format("forventede {}, fik {}", expected, type_name(v)));
}

std::string join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

bool is_number(const json& v) {
    return v.type() == Type::INT64 || v.type() == Type::UINT64 || v.type() == Type::DOUBLE;
}

// The value as a double (any number type).
double as_double(const json& v) {
    switch (v.type()) {
    case Type::INT64: return double(v.get_int64().value_unsafe());
    case Type::UINT64: return double(v.get_uint64().value_unsafe());
    default: return v.get_double().value_unsafe();
    }
}

// A field of an object, or nullptr when absent or null (null counts as absent).
// An object's members / a list's items, held in a local: iterating a member of a
// temporary simdjson_result directly would dangle.
simdjson::dom::object members(const json& v) {
    simdjson::dom::object o;
    [[maybe_unused]] const auto error = v.get(o);
    assert(error == simdjson::SUCCESS && "callers check the type first");
    return o;
}
simdjson::dom::array items(const json& v) {
    simdjson::dom::array a;
    [[maybe_unused]] const auto error = v.get(a);
    assert(error == simdjson::SUCCESS && "callers check the type first");
    return a;
}

// (Returns by value: an element is a small handle into the parser's document.)
std::optional<json> field(const json& obj, std::string_view key) {
    json v;
    if (members(obj).at_key(key).get(v) != simdjson::SUCCESS || v.is_null()) return std::nullopt;
    return v;
}

json object(const json& v, const std::string& path) {
    if (!v.is_object()) wrong_type(path, "et objekt", v);
    return v;
}

std::string text(const json& v, const std::string& path) {
    if (!v.is_string()) wrong_type(path, "en tekst", v);
    return std::string(v.get_string().value_unsafe());
}

bool boolean(const json& v, const std::string& path) {
    if (!v.is_bool()) wrong_type(path, "true eller false", v);
    return v.get_bool().value_unsafe();
}

long long integer(const json& v, const std::string& path, long long lo, long long hi) {
    long long n = 0;
    switch (v.type()) {
    case Type::DOUBLE: {
        const double d = v.get_double().value_unsafe();
        if (d != std::floor(d)) fail(path, fmt::format("forventede et heltal, fik {}", d));
        n = std::fabs(d) < 1e18 ? static_cast<long long>(d) : hi + 1;
        break;
    }
    case Type::INT64: n = v.get_int64().value_unsafe(); break;
    case Type::UINT64: n = hi + 1; break; // only above INT64_MAX
    default: wrong_type(path, "et heltal", v);
    }
    if (n < lo || n > hi) fail(path, fmt::format("skal være mellem {} og {}, fik {}", lo, hi, n));
    return n;
}

double number(const json& v, const std::string& path, double lo, double hi) {
    if (!is_number(v)) wrong_type(path, "et tal", v);
    double d = as_double(v);
    if (!(d >= lo && d <= hi)) fail(path, fmt::format("skal være mellem {} og {}, fik {}", lo, hi, d));
    return d;
}

Dato date(const json& v, const std::string& path) {
    if (!v.is_string()) wrong_type(path, "en dato \"ÅÅÅÅ-MM-DD\"", v);
    const std::string_view s = v.get_string().value_unsafe();
    auto d = Dato::parse(s);
    if (!d) fail(path, fmt::format("\"{}\" er ikke en gyldig dato (forventede ÅÅÅÅ-MM-DD)", s));
    return *d;
}

std::string one_of(const json& v, const std::string& path, std::initializer_list<std::string_view> allowed) {
    std::string s = text(v, path);
    if (std::find(allowed.begin(), allowed.end(), s) == allowed.end()) {
        std::string list;
        for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        fail(path, fmt::format("\"{}\" er ikke en gyldig værdi; brug en af: {}", s, list));
    }
    return s;
}

json array(const json& v, const std::string& path) {
    if (!v.is_array()) wrong_type(path, "en liste", v);
    return v;
}

std::string item(const std::string& path, std::size_t i) { return fmt::format("{}[{}]", path, i); }

json required(const json& obj, std::string_view key, const std::string& path) {
    auto f = field(obj, key);
    if (!f) fail(join(path, key), "mangler");
    return *f;
}

// "HH:MM" → minutes after midnight.
int clock(const json& v, const std::string& path) {
    std::string s = text(v, path);
    auto digit = [&](std::size_t i) { return s[i] >= '0' && s[i] <= '9'; };
    if (s.size() != 5 || s[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4))
        fail(path, fmt::format("\"{}\" er ikke et klokkeslæt (forventede TT:MM)", s));
    int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
    if (h > 23 || m > 59) fail(path, fmt::format("\"{}\" er ikke et klokkeslæt (forventede TT:MM)", s));
    return h * 60 + m;
}

template <class F>
void optional_field(const json& obj, std::string_view key, const std::string& path, F&& f) {
    if (auto v = field(obj, key)) f(*v, join(path, key));
}

Vum parse_vum(const json& v) {
    const std::string path = "vum";
    object(v, path);
    Vum vum;
    optional_field(v, "dato", path, [&](const json& x, const std::string& p) { vum.dato = date(x, p); });
    optional_field(v, "temaer", path, [&](const json& temaer, const std::string& p) {
        object(temaer, p);
        for (auto [key, value] : members(temaer)) {
            const std::string tp = join(p, key);
            auto index = Vum::tema_index(key);
            if (!index) {
                std::string list;
                for (auto t : Vum::tema_ids) list += (list.empty() ? "" : ", ") + std::string(t);
                fail(tp, fmt::format("ukendt VUM-tema; temaerne er: {}", list));
            }
            if (value.is_null()) continue;
            vum.score[*index] = static_cast<std::int8_t>(integer(value, tp, 0, 4));
        }
    });
    return vum;
}

Bevilling parse_bevilling(const json& v) {
    const std::string path = "bevilling";
    object(v, path);
    Bevilling b;
    auto d = [&](const char* key, std::optional<Dato>& out) {
        optional_field(v, key, path, [&](const json& x, const std::string& p) { out = date(x, p); });
    };
    d("afgoerelse_dato", b.afgoerelse_dato);
    d("afgoerelse_modtaget", b.afgoerelse_modtaget);
    d("start", b.start);
    optional_field(v, "foerstegangs", path, [&](const json& x, const std::string& p) { b.foerstegangs = boolean(x, p); });
    optional_field(v, "timer", path, [&](const json& x, const std::string& p) { b.timer = number(x, p, 0, 1000); });
    optional_field(v, "periode", path, [&](const json& x, const std::string& p) { b.periode = one_of(x, p, {"uge", "maaned"}); });
    optional_field(v, "pakke", path, [&](const json& x, const std::string& p) { b.pakke = text(x, p); });
    optional_field(v, "form", path, [&](const json& x, const std::string& p) {
        b.form = one_of(x, p, {"individuel", "gruppe", "kombination"});
    });
    optional_field(v, "leverandoer", path, [&](const json& x, const std::string& p) {
        object(x, p);
        optional_field(x, "naert_beslaegtet", p, [&](const json& y, const std::string& q) { b.naert_beslaegtet = boolean(y, q); });
    });
    optional_field(v, "opfoelgning_interval_maaneder", path, [&](const json& x, const std::string& p) {
        b.opfoelgning_interval_maaneder = static_cast<int>(integer(x, p, 1, 120));
    });
    return b;
}

template <class T, class F>
std::vector<T> parse_list(const json& root, std::string_view key, F&& parse_one) {
    std::vector<T> out;
    auto v = field(root, key);
    if (!v) return out;
    const std::string path(key);
    array(*v, path);
    const auto list = items(*v);
    out.reserve(list.size());
    std::size_t i = 0;
    for (json x : list) out.push_back(parse_one(x, item(path, i++)));
    return out;
}

} // namespace

std::optional<std::size_t> Forhold::index(std::string_view id) {
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (ids[i] == id) return i;
    return std::nullopt;
}

std::optional<int> Sag::alder_paa(Dato on) const {
    if (foedselsdato) return kvalitet::alder(*foedselsdato, on);
    return alder;
}

Sag Sag::from_json(std::string_view input) {
    thread_local simdjson::dom::parser parser; // reused: its buffers stay allocated
    json root;
    if (parser.parse(input.data(), input.size()).get(root) != simdjson::SUCCESS) {
        // Only on this path: nlohmann to say where the syntax breaks.
        try {
            const auto parsed = nlohmann::json::parse(input);
            (void)parsed;
        } catch (const nlohmann::json::parse_error& e) {
            throw InputError(fmt::format("ugyldig JSON ved tegn {}: ret syntaksen i sagen", e.byte));
        }
        throw InputError("ugyldig JSON: ret syntaksen i sagen");
    }
    object(root, "(sagen)");
    Sag s;
    optional_field(root, "id", "", [&](const json& x, const std::string& p) {
        s.id = x.is_int64() ? std::to_string(x.get_int64().value_unsafe()) : text(x, p);
    });
    optional_field(root, "kommune", "", [&](const json& x, const std::string& p) { s.kommune = text(x, p); });
    optional_field(root, "borger", "", [&](const json& b, const std::string& p) {
        object(b, p);
        optional_field(b, "alder", p, [&](const json& x, const std::string& q) { s.alder = static_cast<int>(integer(x, q, 0, 130)); });
        optional_field(b, "foedselsdato", p, [&](const json& x, const std::string& q) { s.foedselsdato = date(x, q); });
    });
    optional_field(root, "ansoegning", "", [&](const json& a, const std::string& p) {
        object(a, p);
        optional_field(a, "modtaget", p, [&](const json& x, const std::string& q) { s.ansoegning_modtaget = date(x, q); });
        optional_field(a, "akut", p, [&](const json& x, const std::string& q) { s.ansoegning_akut = boolean(x, q); });
    });
    if (auto v = field(root, "vum")) s.vum = parse_vum(*v);
    optional_field(root, "forhold", "", [&](const json& f, const std::string& p) {
        object(f, p);
        for (auto [key, value] : members(f)) {
            auto index = Forhold::index(key);
            if (!index || value.is_null()) continue; // unknown findings are kept and ignored
            s.forhold.vaerdi[*index] = boolean(value, join(p, key));
        }
    });
    s.ydelser = parse_list<Ydelse>(root, "ydelser", [](const json& y, const std::string& p) {
        object(y, p);
        const json par = required(y, "paragraf", p);
        return Ydelse{par.is_int64() ? std::to_string(par.get_int64().value_unsafe()) : text(par, join(p, "paragraf"))};
    });
    s.ansoegte_aktiviteter = parse_list<std::string>(root, "ansoegte_aktiviteter",
                                                     [](const json& a, const std::string& p) { return text(a, p); });
    if (auto v = field(root, "bevilling")) s.bevilling = parse_bevilling(*v);
    s.opfoelgninger = parse_list<Opfoelgning>(root, "opfoelgninger", [](const json& o, const std::string& p) {
        object(o, p);
        Opfoelgning r{date(required(o, "dato", p), join(p, "dato")), std::nullopt};
        optional_field(o, "form", p, [&](const json& x, const std::string& q) {
            r.form = one_of(x, q, {"personlig", "virtuel", "telefonisk", "administrativ"});
        });
        return r;
    });
    s.leverancer = parse_list<Levering>(root, "leverancer", [](const json& l, const std::string& p) {
        object(l, p);
        Levering r;
        r.dato = date(required(l, "dato", p), join(p, "dato"));
        r.start_minut = clock(required(l, "start", p), join(p, "start"));
        r.minutter = static_cast<int>(integer(required(l, "minutter", p), join(p, "minutter"), 0, 24 * 60));
        r.art = one_of(required(l, "art", p), join(p, "art"),
                       {"ansigt_til_ansigt", "telefon", "video", "sms", "transport", "administration"});
        return r;
    });
    s.afbud = parse_list<Afbud>(root, "afbud", [](const json& a, const std::string& p) {
        object(a, p);
        return Afbud{date(required(a, "dato", p), join(p, "dato")),
                     one_of(required(a, "af", p), join(p, "af"), {"borger", "udeblevet", "leverandoer"})};
    });
    auto dated = [&](const char* key, std::optional<Dato>& out, const char* leaf) {
        optional_field(root, key, "", [&](const json& o, const std::string& p) {
            object(o, p);
            optional_field(o, leaf, p, [&](const json& x, const std::string& q) { out = date(x, q); });
        });
    };
    dated("klage", s.klage_modtaget, "modtaget");
    dated("arbejdspladsvurdering", s.arbejdspladsvurdering_dato, "dato");
    dated("indsatsplan", s.indsatsplan_dato, "dato");
    return s;
}

} // namespace kvalitet
