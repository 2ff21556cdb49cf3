// Case JSON → Sag. Every error names the JSON path and says what was expected, in Danish.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <initializer_list>

#include "domain/sag.hpp"
#include "lua/error.hpp"

namespace kvalitet {

using nlohmann::json;

namespace {

std::string type_name(const json& v) {
    switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "en sandhedsværdi";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "et heltal";
    case json::value_t::number_float: return "et tal";
    case json::value_t::string: return "en tekst";
    case json::value_t::array: return "en liste";
    case json::value_t::object: return "et objekt";
    default: return "en ukendt værdi";
    }
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

// A field of an object, or nullptr when absent or null (null counts as absent).
const json* field(const json& obj, std::string_view key) {
    auto it = obj.find(key);
    return it == obj.end() || it->is_null() ? nullptr : &*it;
}

const json& object(const json& v, const std::string& path) {
    if (!v.is_object()) wrong_type(path, "et objekt", v);
    return v;
}

std::string text(const json& v, const std::string& path) {
    if (!v.is_string()) wrong_type(path, "en tekst", v);
    return v.get<std::string>();
}

bool boolean(const json& v, const std::string& path) {
    if (!v.is_boolean()) wrong_type(path, "true eller false", v);
    return v.get<bool>();
}

long long integer(const json& v, const std::string& path, long long lo, long long hi) {
    if (v.is_number_float()) {
        double d = v.get<double>();
        if (d != std::floor(d)) fail(path, fmt::format("forventede et heltal, fik {}", d));
    } else if (!v.is_number()) {
        wrong_type(path, "et heltal", v);
    }
    long long n = v.is_number_unsigned() && v.get<unsigned long long>() > (1ull << 62)
                      ? hi + 1
                      : v.get<long long>();
    if (n < lo || n > hi) fail(path, fmt::format("skal være mellem {} og {}, fik {}", lo, hi, n));
    return n;
}

double number(const json& v, const std::string& path, double lo, double hi) {
    if (!v.is_number()) wrong_type(path, "et tal", v);
    double d = v.get<double>();
    if (!(d >= lo && d <= hi)) fail(path, fmt::format("skal være mellem {} og {}, fik {}", lo, hi, d));
    return d;
}

Dato date(const json& v, const std::string& path) {
    if (!v.is_string()) wrong_type(path, "en dato \"ÅÅÅÅ-MM-DD\"", v);
    const auto& s = v.get_ref<const std::string&>();
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

const json& array(const json& v, const std::string& path) {
    if (!v.is_array()) wrong_type(path, "en liste", v);
    return v;
}

std::string item(const std::string& path, std::size_t i) { return fmt::format("{}[{}]", path, i); }

const json& required(const json& obj, std::string_view key, const std::string& path) {
    const json* f = field(obj, key);
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
    if (const json* v = field(obj, key)) f(*v, join(path, key));
}

Vum parse_vum(const json& v) {
    const std::string path = "vum";
    object(v, path);
    Vum vum;
    optional_field(v, "dato", path, [&](const json& x, const std::string& p) { vum.dato = date(x, p); });
    optional_field(v, "temaer", path, [&](const json& temaer, const std::string& p) {
        object(temaer, p);
        for (auto it = temaer.begin(); it != temaer.end(); ++it) {
            const std::string tp = join(p, it.key());
            auto index = Vum::tema_index(it.key());
            if (!index) {
                std::string list;
                for (auto t : Vum::tema_ids) list += (list.empty() ? "" : ", ") + std::string(t);
                fail(tp, fmt::format("ukendt VUM-tema; temaerne er: {}", list));
            }
            if (it->is_null()) continue;
            vum.score[*index] = static_cast<std::int8_t>(integer(*it, tp, 0, 4));
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
    const json* v = field(root, key);
    if (!v) return out;
    const std::string path(key);
    array(*v, path);
    out.reserve(v->size());
    for (std::size_t i = 0; i < v->size(); ++i) out.push_back(parse_one((*v)[i], item(path, i)));
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
    json root;
    try {
        root = json::parse(input);
    } catch (const json::parse_error& e) {
        throw InputError(fmt::format("ugyldig JSON ved tegn {}: ret syntaksen i sagen", e.byte));
    }
    object(root, "(sagen)");
    Sag s;
    optional_field(root, "id", "", [&](const json& x, const std::string& p) {
        s.id = x.is_number_integer() ? std::to_string(x.get<long long>()) : text(x, p);
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
    if (const json* v = field(root, "vum")) s.vum = parse_vum(*v);
    optional_field(root, "forhold", "", [&](const json& f, const std::string& p) {
        object(f, p);
        for (auto it = f.begin(); it != f.end(); ++it) {
            auto index = Forhold::index(it.key());
            if (!index || it->is_null()) continue; // unknown findings are kept and ignored
            s.forhold.vaerdi[*index] = boolean(*it, join(p, it.key()));
        }
    });
    s.ydelser = parse_list<Ydelse>(root, "ydelser", [](const json& y, const std::string& p) {
        object(y, p);
        const json& par = required(y, "paragraf", p);
        return Ydelse{par.is_number_integer() ? std::to_string(par.get<long long>()) : text(par, join(p, "paragraf"))};
    });
    s.ansoegte_aktiviteter = parse_list<std::string>(root, "ansoegte_aktiviteter",
                                                     [](const json& a, const std::string& p) { return text(a, p); });
    if (const json* v = field(root, "bevilling")) s.bevilling = parse_bevilling(*v);
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
