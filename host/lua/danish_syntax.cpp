// Lua 5.4's parser and lexer messages (llex.c, lparser.c, lcode.c) as Danish sentences.
// Lua writes "<what> near <token>"; the Danish says what is wrong, where a construct that
// is not closed was opened, and ends with the token in parentheses: "(før 'x')", or "(ved
// filens slutning)".
#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "lua/danish.hpp"

namespace kvalitet::lua {

namespace {

using std::string_view;

struct Near {
    string_view head;  // Lua's message before " near "
    string_view token; // "<eof>", a quoted token, or empty when Lua gave none
};

bool quoted(string_view t) {
    return t.size() >= 2 && t.front() == '\'' && t.back() == '\'';
}

// Lua's own texts never contain " near ": the first one separates the token, which may.
Near split_near(string_view message) {
    const auto p = message.find(" near ");
    if (p == string_view::npos) return {message, {}};
    const string_view token = message.substr(p + 6);
    if (token != "<eof>" && !quoted(token)) return {message, {}};
    return {message.substr(0, p), token};
}

struct Context {
    bool in_file;
    string_view token;

    bool at_end() const { return token == "<eof>"; }
    std::string end_of_input() const {
        return in_file ? "ved filens slutning" : "ved slutningen af input <eof>";
    }
    // " (før 'x')", " (ved filens slutning)", or "" when Lua named no token.
    std::string where() const {
        if (token.empty()) return "";
        return " (" + (at_end() ? end_of_input() : "før " + std::string(token)) + ")";
    }
};

// "'x'" in "uventet …": what kind of word or sign the token is.
std::string token_kind(string_view token) {
    const char c = token.size() > 1 ? token[1] : ' ';
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') return "ord";
    if (c >= '0' && c <= '9') return "tal";
    if (c == '"' || c == '\'' || c == '[') return "tekst";
    return "tegn";
}

// What Lua says is missing: "<name>" is a name; a token stays as written.
std::string missing_thing(string_view what) {
    if (what == "<name>") return "et navn";
    if (what == "'=' or 'in'") return "'=' eller 'in'";
    if (what == "<name> or '...'") return "et navn eller '...'";
    return std::string(what);
}

// The construct `opener` (a quoted token) opened in line `line` and not closed.
std::string unclosed(string_view opener, string_view line) {
    const std::string l(line);
    if (opener == "'{'") return "tabellen åbnet i linje " + l + " er ikke lukket";
    if (opener == "'('") return "parentesen åbnet i linje " + l + " er ikke lukket";
    if (opener == "'['") return "klammen åbnet i linje " + l + " er ikke lukket";
    if (opener == "'function'") return "funktionen fra linje " + l + " er ikke afsluttet";
    if (opener == "'for'" || opener == "'while'" || opener == "'repeat'")
        return std::string(opener) + "-løkken fra linje " + l + " er ikke afsluttet";
    if (opener == "'do'") return "'do'-blokken fra linje " + l + " er ikke afsluttet";
    return std::string(opener) + " fra linje " + l + " er ikke afsluttet";
}

bool digits(string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == string_view::npos;
}

// "prefix<inner>suffix" → inner, when `s` has that shape.
std::optional<string_view> between(string_view s, string_view prefix, string_view suffix) {
    if (s.size() < prefix.size() + suffix.size() || !s.starts_with(prefix) || !s.ends_with(suffix))
        return std::nullopt;
    return s.substr(prefix.size(), s.size() - prefix.size() - suffix.size());
}

// "X expected (to close Y at line N)" and "X expected".
std::optional<std::string> expected(string_view head, const Context& c) {
    if (const auto p = head.find(" expected (to close ");
        p != string_view::npos && head.ends_with(")")) {
        const string_view rest = head.substr(p + 20, head.size() - p - 21); // "Y at line N"
        const auto at = rest.rfind(" at line ");
        if (at == string_view::npos || !digits(rest.substr(at + 9))) return std::nullopt;
        return missing_thing(head.substr(0, p)) + " mangler — " +
               unclosed(rest.substr(0, at), rest.substr(at + 9)) + c.where();
    }
    const auto what = between(head, "", " expected");
    if (!what) return std::nullopt;
    if (*what == "function arguments")
        return "argumenterne mangler: et metodekald skrives x:metode(…)" + c.where();
    // "<eof> expected near 'end'": a block closed that was never opened. Never "<eof>" at
    // the end, so the REPL does not read on for more.
    if (*what == "<eof>") {
        const bool closer = c.token == "'end'" || c.token == "'until'" || c.token == "'else'" || c.token == "'elseif'";
        return "uventet " + std::string(c.token) +
               (closer ? ": der er ingen blok (if, for, while, function …) at afslutte her — står der en 'end' for meget?"
                       : ": her skulle der ikke stå mere");
    }
    if (*what == "hexadecimal digit")
        return "et hexadecimalt ciffer (0-9, a-f) mangler efter \\x i teksten " +
               std::string(c.token);
    // "if x = 1 then": an assignment where a comparison was meant.
    if ((*what == "'then'" || *what == "'do'") && c.token == "'='")
        return missing_thing(*what) + " mangler" + c.where() + " — skriv == for at sammenligne (= giver en værdi)";
    std::string out = missing_thing(*what) + " mangler" + c.where();
    // "{ a = 1 b = 2 }" and "f(a b)": the usual cause is a comma left out.
    const bool closing = *what == "'}'" || *what == "')'";
    if (closing && !c.at_end() && quoted(c.token) && token_kind(c.token) != "tegn")
        out += " — mangler der et komma?";
    return out;
}

// Messages whose whole text (before "near") is fixed.
std::optional<std::string> fixed(string_view head, const Context& c) {
    const std::string tok(c.token);
    if (head == "unexpected symbol") {
        if (c.at_end())
            return c.in_file
                       ? std::string(
                             "uventet slutning af filen: et udtryk eller en sætning er ikke færdig")
                       : "uventet slutning af input <eof>";
        return "uventet " + token_kind(c.token) + " " + tok;
    }
    if (head == "syntax error")
        return "ugyldig sætning: kun en tildeling (x = …) eller et funktionskald kan stå alene" +
               c.where();
    if (head == "cannot use '...' outside a vararg function")
        return "'...' kan kun bruges i en funktion, der selv har '...' blandt sine parametre";
    if (head == "control structure too long")
        return "en if-, for- eller while-sætning er for lang; del den op i mindre funktioner" +
               c.where();
    if (head == "function or expression needs too many registers")
        return "en funktion eller et udtryk er for stort (for mange registre); del det op" +
               c.where();
    if (head == "unfinished string") {
        if (c.at_end())
            return "en tekst er ikke afsluttet: det afsluttende anførselstegn mangler" + c.where();
        return "teksten " + tok +
               " er ikke afsluttet: det afsluttende anførselstegn mangler, før linjen slutter";
    }
    if (head == "malformed number") return "ugyldigt tal " + tok;
    if (head == "lexical element too long")
        return std::string("et navn, et tal eller en tekst er for langt");
    if (head == "chunk has too many lines") return std::string("filen har for mange linjer");
    if (head == "invalid escape sequence")
        return "ugyldig escape-sekvens i teksten " + tok + " (skriv \\\\ for en omvendt skråstreg)";
    if (head == "missing '{'")
        return "'{' mangler efter \\u i teksten " + tok + " (skriv \\u{XXXX})";
    if (head == "missing '}'") return "'}' mangler i \\u{…} i teksten " + tok;
    if (head == "UTF-8 value too large") return "\\u{…}-værdien er for stor i teksten " + tok;
    if (head == "decimal escape too large") return "\\ddd-værdien er over 255 i teksten " + tok;
    if (head == "invalid long string delimiter")
        return "ugyldig begyndelse på en lang tekst " + tok + ": skriv [[ eller [==[";
    if (head == "multiple to-be-closed variables in local list")
        return std::string("kun én <close>-variabel pr. local-sætning");
    return std::nullopt;
}

// Messages with a line number or a name inside.
std::optional<std::string> with_parts(string_view head, const Context& c) {
    for (auto [en, what] :
         {std::pair{"unfinished long string (starting at line ", "den lange tekst"},
          std::pair{"unfinished long comment (starting at line ", "den lange kommentar"}})
        if (auto line = between(head, en, ")"); line && digits(*line))
            return std::string(what) + " fra linje " + std::string(*line) +
                   " er ikke afsluttet med ]]" + c.where();
    if (auto line = between(head, "break outside loop at line ", ""); line && digits(*line))
        return "'break' i linje " + std::string(*line) + " står uden for en løkke";
    if (auto rest = between(head, "no visible label '", ""); rest) {
        const auto p = rest->find("' for <goto> at line ");
        if (p != string_view::npos)
            return "'goto " + std::string(rest->substr(0, p)) + "' i linje " +
                   std::string(rest->substr(p + 21)) +
                   ": mærket ::" + std::string(rest->substr(0, p)) +
                   ":: findes ikke, hvor det kan ses";
    }
    if (auto rest = between(head, "label '", ""); rest) {
        const auto p = rest->find("' already defined on line ");
        if (p != string_view::npos)
            return "mærket ::" + std::string(rest->substr(0, p)) +
                   ":: er allerede defineret i linje " + std::string(rest->substr(p + 26));
    }
    if (auto rest = between(head, "<goto ", "'"); rest) {
        const auto at = rest->find("> at line "),
                   scope = rest->find(" jumps into the scope of local '");
        if (at != string_view::npos && scope != string_view::npos && at < scope)
            return "'goto " + std::string(rest->substr(0, at)) + "' i linje " +
                   std::string(rest->substr(at + 10, scope - at - 10)) +
                   " springer ind i den lokale variabel '" + std::string(rest->substr(scope + 32)) +
                   "'s virkefelt";
    }
    if (auto name = between(head, "attempt to assign to const variable '", "'"))
        return "'" + std::string(*name) + "' er en konstant (<const>) og kan ikke ændres";
    if (auto name = between(head, "unknown attribute '", "'"))
        return "ukendt egenskab <" + std::string(*name) + "> (kun <const> og <close>)";
    if (auto rest = between(head, "too many ", ""); rest) {
        // "too many local variables (limit is 200) in main function"
        const auto limit = rest->find(" (limit is "), in = rest->find(") in ");
        if (limit == string_view::npos || in == string_view::npos || in < limit)
            return std::nullopt;
        const string_view what = rest->substr(0, limit), where = rest->substr(in + 5);
        static constexpr std::array<std::pair<string_view, string_view>, 3> kWhat{
            {{"local variables", "lokale variabler"},
             {"upvalues", "ydre variabler (upvalues)"},
             {"items in a constructor", "elementer i én tabel"}}};
        std::string da(what);
        for (auto [e, d] : kWhat)
            if (e == what) da = d;
        std::string place(where);
        if (where == "main function")
            place = "filens øverste niveau";
        else if (auto l = between(where, "function at line ", ""))
            place = "funktionen fra linje " + std::string(*l);
        return "for mange " + da + " (højst " +
               std::string(rest->substr(limit + 11, in - limit - 11)) + ") i " + place +
               "; del koden op i mindre funktioner" + c.where();
    }
    return std::nullopt;
}

} // namespace

// Lua shows a byte outside ASCII as '<\195>': outside a text, that is a letter such as æ
// in a name, whatever Lua then expected.
bool non_ascii_token(string_view token) {
    const auto n = between(token, "'<\\", ">'");
    return n && digits(*n) && n->size() == 3 && *n >= "128";
}

std::optional<std::string> danish_syntax(std::string_view message, bool in_file) {
    const Near n = split_near(message);
    const Context c{in_file, n.token};
    if (non_ascii_token(c.token))
        return std::string("et navn kan kun have bogstaverne a-z, tal og _, ikke æ, ø, å eller andre tegn: skriv æ som ae, "
                           "ø som oe og å som aa (f.eks. afgoerelse_dato); i en tekst i anførselstegn må de gerne stå");
    if (auto s = expected(n.head, c)) return s;
    if (auto s = fixed(n.head, c)) return s;
    return with_parts(n.head, c);
}

std::optional<std::pair<std::string, std::string>> danish_name(std::string_view line) {
    // A long string or comment may begin or end on the line: which word Lua stopped at is
    // then not known, and naming a word in a text would mislead.
    for (std::string_view mark : {"[[", "]]", "[=", "]="})
        if (line.find(mark) != std::string_view::npos) return std::nullopt;
    static constexpr std::pair<std::string_view, std::string_view> kLetters[] = {
        {"æ", "ae"}, {"ø", "oe"}, {"å", "aa"}, {"Æ", "Ae"}, {"Ø", "Oe"}, {"Å", "Aa"}};
    auto name_byte = [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return std::isalnum(u) || c == '_' || u >= 0x80;
    };
    std::optional<std::pair<std::string, std::string>> found;
    char quote = 0;
    for (std::size_t i = 0; i < line.size();) {
        const char c = line[i];
        if (quote) { // inside a text: its letters may be Danish
            if (c == '\\') ++i;
            else if (c == quote) quote = 0;
            ++i;
            continue;
        }
        if (c == '"' || c == '\'') {
            quote = c, ++i;
            continue;
        }
        if (c == '-' && i + 1 < line.size() && line[i + 1] == '-') break; // a comment
        if (!name_byte(c)) {
            ++i;
            continue;
        }
        std::size_t e = i;
        while (e < line.size() && name_byte(line[e])) ++e;
        const std::string_view word = line.substr(i, e - i);
        i = e;
        if (std::none_of(word.begin(), word.end(), [](char x) { return static_cast<unsigned char>(x) >= 0x80; }))
            continue;
        // Only one such word, made a name by ae/oe/aa alone: otherwise which one is not sure.
        if (found) return std::nullopt;
        std::string ascii;
        for (std::size_t k = 0; k < word.size();) {
            const auto* l = std::find_if(std::begin(kLetters), std::end(kLetters),
                                         [&](const auto& x) { return word.substr(k, x.first.size()) == x.first; });
            if (l != std::end(kLetters)) {
                ascii += l->second, k += l->first.size();
            } else if (static_cast<unsigned char>(word[k]) >= 0x80) {
                return std::nullopt; // another letter (café): no suggestion
            } else {
                ascii += word[k++];
            }
        }
        if (std::isdigit(static_cast<unsigned char>(ascii[0]))) return std::nullopt; // 2år is no name either way
        found = std::pair{std::string(word), ascii};
    }
    return found;
}

} // namespace kvalitet::lua
