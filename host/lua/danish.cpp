// Lua's runtime messages in Danish, with the name of the value at fault; the parser's are
// in danish_syntax.cpp. The messages a policy officer meets most ("attempt to index a nil
// value (field 'x')", compare, arithmetic, call) are read as Lua writes them (ldebug.c,
// lvm.c, lauxlib.c) and said again; anything else goes through a list of phrases.
#include "lua/danish.hpp"

#include <array>
#include <utility>

namespace kvalitet::lua {

namespace {

using std::string_view;

// Longest, most specific phrases first: replacement is in this order.
constexpr std::array<std::pair<string_view, string_view>, 42> kPhrases{{
    {"attempt to load a binary chunk (mode is 't')",
     "forkompileret (binær) kode afvises; kun tekst er tilladt"},
    {"C stack overflow", "for dyb indlejring eller rekursion (stakken er fuld)"},
    {"stack overflow", "for dyb rekursion (stakken er fuld)"},
    {"number has no integer representation", "tallet er ikke et heltal"},
    {"'for' step is zero", "'for'-løkkens skridt er 0"},
    {"attempt to divide by zero", "heltalsdivision med 0 (//)"},
    {"attempt to perform 'n%0'", "rest ved division med 0 (n % 0)"},
    {"got no value", "fik ingen værdi"},
    {"wrong number of arguments to '", "forkert antal argumenter til '"},
    {"position out of bounds", "positionen er uden for listen"},
    {"value out of range", "værdien er uden for det tilladte område"},
    {"index out of range", "indekset er uden for det tilladte område"},
    {"resulting string too large", "teksten bliver for stor"},
    {"error in error handling", "fejl under fejlhåndtering (for dyb rekursion?)"},
    {"assertion failed!", "påstanden holdt ikke (assert)"},
    {"invalid order function for sorting",
     "sorteringsfunktionen er ikke en gyldig ordning (den skal give true kun når a skal stå før b, og aldrig for a og a)"},
    {"too many results to unpack", "for mange værdier at pakke ud (table.unpack)"},
    {"invalid conversion specification", "ugyldig formatangivelse"},
    {"invalid conversion", "ugyldig formatangivelse"},
    {"value has no literal form", "værdien kan ikke skrives med %q (kun tekst, tal, true/false og nil kan)"},
    {"invalid UTF-8 code", "ugyldig UTF-8-kode"},
    {"base out of range", "talsystemet (grundtallet) skal være mellem 2 og 36"},
    {"invalid capture index", "ugyldigt nummer på en fangst i mønsteret"},
    {"invalid pattern capture", "ugyldig fangst i mønsteret"},
    {"malformed pattern (missing ']')", "ugyldigt mønster (']' mangler)"},
    {"malformed pattern (ends with '%')", "ugyldigt mønster (slutter med '%')"},
    {"missing '[' after '%f' in pattern", "'[' mangler efter '%f' i mønsteret"},
    {"unfinished capture", "en fangst i mønsteret er ikke afsluttet"},
    {"pattern too complex", "mønsteret er for komplekst"},
    {"too many captures", "for mange fangster i mønsteret"},
    {" in table for 'concat'", " i tabellen til 'concat' (kun tekster og tal kan sættes sammen)"},
    {"invalid value (", "ugyldig værdi ("},
    {") at index ", ") på plads "},
    {"' to 'format'", "' til 'format'"},
    {"integral size (", "heltallets størrelse ("},
    {") out of limits [1,16]", ") er uden for grænserne 1-16"},
    {"string length does not fit in given size", "tekstens længde kan ikke skrives i den angivne størrelse"},
    {"initial position out of string", "startpositionen er uden for teksten"},
    {"data string too short", "teksten er for kort"},
    {"string slice too long", "stykket af teksten er for langt"},
    {"variable '", "variablen '"},
    {"' got a non-closable value", "' fik en værdi, der ikke kan lukkes (<close>)"},
}};

std::optional<string_view> between(string_view s, string_view prefix, string_view suffix) {
    if (s.size() < prefix.size() + suffix.size() || !s.starts_with(prefix) || !s.ends_with(suffix))
        return std::nullopt;
    return s.substr(prefix.size(), s.size() - prefix.size() - suffix.size());
}

// A Lua type name as one value ("en tekst") and as several ("tekster").
struct TypeText {
    string_view type, one, many;
};
constexpr TypeText kTypeTexts[] = {
    {"nil", "en værdi, der ikke findes (nil)", "værdier, der ikke findes (nil)"},
    {"number", "et tal", "tal"},
    {"string", "en tekst", "tekster"},
    {"table", "en tabel", "tabeller"},
    {"function", "en funktion", "funktioner"},
    {"boolean", "en sandhedsværdi (true/false)", "sandhedsværdier"},
    {"no value", "ingen værdi", "ingen værdier"},
    {"value", "en værdi", "værdier"},
    {"Dato", "en dato", "datoer"},
};

const TypeText* type_text_of(string_view type) {
    for (const auto& t : kTypeTexts)
        if (t.type == type) return &t;
    return nullptr;
}

std::string values(string_view type) {
    if (const auto* t = type_text_of(type)) return std::string(t->many);
    return "værdier af typen " + std::string(type);
}

// Lua's "(field 'x')" after a value: which name held it.
std::string named(string_view varinfo) {
    static constexpr std::array<std::pair<string_view, string_view>, 7> kKinds{{
        {"local", "lokal variabel"},
        {"global", "global variabel"},
        {"field", "felt"},
        {"method", "metode"},
        {"upvalue", "ydre variabel"},
        {"constant", "konstant"},
        {"metamethod", "metametode"},
    }};
    if (varinfo == "for iterator 'for iterator'") return "for-løkkens iterator";
    for (auto [en, da] : kKinds)
        if (auto name = between(varinfo, std::string(en) + " '", "'"))
            return std::string(da) + " '" + std::string(*name) + "'";
    return std::string(varinfo);
}

constexpr string_view kNilHint =
    " — brug mindst(x, n) eller hoejst(x, n), som giver nil, når en oplysning mangler";

// "attempt to <op> a <type> value[ (<kind> '<name>')]"
std::optional<std::string> type_error(string_view m) {
    static constexpr std::array<std::pair<string_view, string_view>, 6> kOps{{
        {"index", "slå op i"},
        {"call", "kalde"},
        {"perform arithmetic on", "regne med"},
        {"concatenate", "sætte tekst sammen med"},
        {"get length of", "tage længden af"},
        {"perform bitwise operation on", "bruge bit-operationer på"},
    }};
    for (auto [op, verb] : kOps) {
        auto rest = between(m, "attempt to " + std::string(op) + " a ", "");
        if (!rest) continue;
        const auto v = rest->find(" value");
        if (v == string_view::npos) return std::nullopt;
        const string_view type = rest->substr(0, v), tail = rest->substr(v + 6);
        std::string out = "kan ikke " + std::string(verb) + " ";
        // Calling nil has said "noget, der ikke findes" since the first Danish messages.
        out += op == "call" && type == "nil" ? std::string("noget, der ikke findes (nil)")
                                             : a_value(type);
        if (tail.empty()) return out;
        if (auto info = between(tail, " (", ")")) return out + ": " + named(*info);
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<std::string> compare_error(string_view m) {
    if (auto type = between(m, "attempt to compare two ", " values"))
        return "kan ikke sammenligne to " + values(*type) +
               (*type == "nil" ? std::string(kNilHint) : "");
    if (auto rest = between(m, "attempt to compare ", "")) {
        const auto w = rest->find(" with ");
        if (w == string_view::npos) return std::nullopt;
        const string_view a = rest->substr(0, w), b = rest->substr(w + 6);
        return "kan ikke sammenligne " + a_value(a) + " med " + a_value(b) +
               (a == "nil" || b == "nil" ? std::string(kNilHint) : "");
    }
    return std::nullopt;
}

// lstrlib.c's arithmetic on texts that are not numbers: "attempt to add a 'string' with a
// 'number'".
std::optional<std::string> string_arithmetic(string_view m) {
    auto rest = between(m, "attempt to ", "'");
    if (!rest) return std::nullopt;
    const auto a = rest->find(" a '"), w = rest->find("' with a '");
    if (a == string_view::npos || w == string_view::npos || w < a) return std::nullopt;
    return "kan ikke regne med " + a_value(rest->substr(a + 4, w - a - 4)) + " og " +
           a_value(rest->substr(w + 10)) + ": en tekst regnes kun om til et tal, når den er et tal";
}

std::string phrases(string_view message) {
    std::string out(message);
    for (const auto& [en, da] : kPhrases)
        for (std::size_t p = out.find(en); p != std::string::npos; p = out.find(en, p + da.size()))
            out.replace(p, en.size(), da);
    return out;
}

// "X expected, got Y" inside luaL_typeerror's message; other reasons by phrase.
std::string expected_got(string_view msg) {
    if (msg == "zero") return "der kan ikke divideres med 0"; // math.fmod(x, 0)
    const auto p = msg.find(" expected, got ");
    if (p == string_view::npos) {
        if (auto what = between(msg, "", " expected")) return "forventede " + a_value(*what);
        return phrases(msg); // "number has no integer representation", "value out of range" …
    }
    return "forventede " + a_value(msg.substr(0, p)) + ", fik " + a_value(msg.substr(p + 15));
}

// "bad argument #1 to 'floor' (number expected, got string)"
std::optional<std::string> argument_error(string_view m) {
    if (auto rest = between(m, "bad argument #", ")")) {
        const auto to = rest->find(" to '"), open = rest->find("' (");
        if (to == string_view::npos || open == string_view::npos || open < to) return std::nullopt;
        // '?' or Lua's description of where the function came from ("integer index" for
        // t[1](…)): no name, and "til '?'" says nothing to a reader; the line says where.
        const string_view fn = rest->substr(to + 5, open - to - 5);
        const bool named = fn != "?" && fn.find(' ') == string_view::npos;
        return "forkert argument nr. " + std::string(rest->substr(0, to)) +
               (named ? " til '" + std::string(fn) + "'" : std::string()) + ": " + expected_got(rest->substr(open + 3));
    }
    if (auto rest = between(m, "bad 'for' ", ")")) {
        static constexpr std::array<std::pair<string_view, string_view>, 3> kParts{
            {{"initial value", "startværdi"}, {"limit", "grænse"}, {"step", "skridt"}}};
        const auto open = rest->find(" (");
        if (open == string_view::npos) return std::nullopt;
        const string_view part = rest->substr(0, open);
        for (auto [en, da] : kParts)
            if (en == part)
                return "'for'-løkkens " + std::string(da) + ": " +
                       expected_got(rest->substr(open + 2));
    }
    return std::nullopt;
}

} // namespace

// A Lua type name (or a userdata's __name) with its article: "en tekst", "et tal".
std::string a_value(std::string_view type) {
    if (const auto* t = type_text_of(type)) return std::string(t->one);
    return "en værdi af typen " + std::string(type);
}

std::string danish(std::string_view message, std::string_view chunk) {
    if (auto s = danish_syntax(message, chunk.ends_with(".lua"))) return *s;
    for (auto* read : {type_error, compare_error, string_arithmetic, argument_error})
        if (auto s = read(message)) return *s;
    return phrases(message);
}

} // namespace kvalitet::lua
