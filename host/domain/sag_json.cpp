// Case JSON → Sag. Every error is an InputError in Danish with the contract's code and the
// JSON path of the field at fault, or the line and column of a syntax error.
//
// Three passes, the last two only over what the first accepted:
//  1. simdjson parses (bench/json_parse: 11× faster than nlohmann-json on real cases, and
//     parsing was the largest cost of `vurder --ndjson`). It says only what kind of error a
//     document has, so on that (rare) path a bounded scan (Scanner) finds where; it keeps
//     nothing but the path to the current value, so a hostile document cannot make the
//     error path expensive (nlohmann here once built 1.6 GB for 20 MB of '[').
//  2. LimitCheck walks the whole tree, unknown fields too: nesting, list and object sizes,
//     text lengths, and keys given twice (simdjson keeps duplicates; which one a reader
//     takes would otherwise decide what the case says).
//  3. The known fields are read and validated.
// The document size is checked before any of this. A valid case does not take passes 2–3:
// OnePass reads it in one walk (LimitCheck only over unknown fields' values) and accepts
// exactly what they accept; at anything else they run and name the error.
#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <span>
#include <array>
#include <cassert>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <memory>
#include <mutex>
#include <unordered_set>

#include "domain/naermeste_navn.hpp"
#include "domain/sag.hpp"
#include "domain/tekst.hpp"
#include "domain/sag_felter.hpp"
#include "domain/sag_json_scan.hpp"
#include "lua/error.hpp"

namespace kvalitet {

namespace {

using json = simdjson::dom::element;
using Type = simdjson::dom::element_type;

// The digits of a whole number written as a decimal (1.0, 1e0, -0.0), which JSON Schema
// counts as an integer; nullopt for any other number. Only where a double holds every
// whole number exactly.
std::optional<std::string> whole_digits(double d) {
    if (d != std::floor(d) || !(std::fabs(d) < 9007199254740992.0)) return std::nullopt;
    return std::to_string(static_cast<long long>(d));
}

constexpr const char* kSyntax = "ugyldig_json";
constexpr const char* kField = "ugyldigt_felt";

// ---- Text --------------------------------------------------------------------------------

std::string_view without_bom(std::string_view s) {
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    return s.substr(0, bom.size()) == bom ? s.substr(bom.size()) : s;
}

// Length of the valid UTF-8 sequence at s[i] (its code point in *cp), or 0. Overlong forms,
// UTF-16 surrogates and code points above U+10FFFF are invalid, as in RFC 3629 and simdjson.
std::size_t utf8_length(std::string_view s, std::size_t i, char32_t* cp = nullptr) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len;
    char32_t v, min;
    if (c < 0x80) len = 1, v = c, min = 0;
    else if ((c & 0xE0) == 0xC0) len = 2, v = c & 0x1F, min = 0x80;
    else if ((c & 0xF0) == 0xE0) len = 3, v = c & 0x0F, min = 0x800;
    else if ((c & 0xF8) == 0xF0) len = 4, v = c & 0x07, min = 0x10000;
    else return 0;
    if (len > s.size() - i) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        v = (v << 6) | (b & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    if (cp) *cp = v;
    return len;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

// Characters (code points) in UTF-8: every byte that does not continue a sequence.
std::size_t char_count(std::string_view s) {
    return std::size_t(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool longer_than(std::string_view s, std::size_t max_chars) {
    return s.size() > max_chars && char_count(s) > max_chars; // bytes ≥ characters: count only when it can matter
}

// At most `max` bytes of `s`, cut on a character boundary, for echoing input in a message.
std::string excerpt(std::string_view s, std::size_t max = 40) {
    if (s.size() <= max) return std::string(s);
    return std::string(utf8_prefix(s, max)) + "…";
}

// The message with control characters written as \u001B: a key or value echoed back (in
// a message printed on a terminal) must not be able to move the cursor or recolour it.
std::string visible(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        const bool c1 = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
                        static_cast<unsigned char>(s[i + 1]) <= 0x9F;
        if (c < 0x20 || c == 0x7F) {
            out += fmt::format("\\u{:04X}", c);
        } else if (c1) {
            out += fmt::format("\\u{:04X}", static_cast<unsigned char>(s[++i]));
        } else {
            out += char(c);
        }
    }
    return out;
}

// The character at s[i] as a message shows it: printable ones in quotes, the rest by number.
std::string show_char(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c > 0x20 && c < 0x7F) return fmt::format("'{}'", char(c));
    if (c < 0x80) return fmt::format("U+{:04X}", unsigned(c));
    char32_t cp = 0;
    const std::size_t len = utf8_length(s, i, &cp);
    if (!len) return fmt::format("byte 0x{:02X} (ugyldig UTF-8)", unsigned(c));
    const bool invisible = cp < 0xA0 || cp == 0xFEFF || (cp >= 0x2000 && cp <= 0x206F);
    if (invisible) return fmt::format("U+{:04X}", unsigned(cp));
    return fmt::format("'{}'", s.substr(i, len));
}

std::string size_text(std::size_t bytes) {
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return fmt::format("{} bytes ({} MiB)", bytes, bytes >> 20);
    if (bytes >= 1024 && bytes % 1024 == 0) return fmt::format("{} bytes ({} KiB)", bytes, bytes >> 10);
    return fmt::format("{} bytes", bytes);
}

// ---- Limits: one wording for the scan and the tree walk ----------------------------------

std::string too_deep(const SagGraenser& g) {
    return fmt::format("sagen er indlejret dybere end grænsen på {} niveauer", g.max_dybde);
}
std::string too_long_list(const SagGraenser& g) {
    return fmt::format("listen har flere end {} elementer, som er grænsen", g.max_liste);
}
std::string too_many_fields(const SagGraenser& g) {
    return fmt::format("objektet har flere end {} felter, som er grænsen", g.max_felter);
}
std::string too_long_text(const SagGraenser& g, bool key) {
    return fmt::format("{} er længere end grænsen på {} tegn", key ? "et feltnavn" : "teksten", g.max_tekst);
}

std::string with_field(const std::string& felt, const std::string& what) {
    return felt.empty() ? what : fmt::format("feltet '{}': {}", felt, what);
}

// ---- The bounded scan --------------------------------------------------------------------

// A JSON reader that only looks: it stops at the first problem and keeps the path to the
// current value (the key of each open object), never the values.
class Scanner {
public:
    Scanner(std::string_view s, const SagGraenser& g) : s_(s), g_(g) {}

    std::optional<detail::JsonProblem> problem() {
        scan();
        return problem_;
    }

    // The top-level "id", read as far as the text goes; stops there.
    std::optional<std::string> top_level_id() {
        want_id_ = true;
        scan();
        return id_;
    }

private:
    struct Frame {
        bool object = false;
        std::size_t open = 0;  // offset of its '{' or '['
        std::size_t count = 0; // members or elements begun
        std::string key;       // the current member's key, once read
        bool has_key = false;
    };
    enum class State { Value, FirstValue, FirstKey, Key, After, Done };

    void scan() {
        State st = State::Value;
        while (st != State::Done && !problem_) {
            skip_ws();
            switch (st) {
            case State::Value: st = value(); break;
            case State::FirstValue: st = first_value(); break;
            case State::FirstKey: st = key(true); break;
            case State::Key: st = key(false); break;
            case State::After: st = after(); break;
            case State::Done: break;
            }
        }
    }

    bool at_end() const { return pos_ >= s_.size(); }
    char peek() const { return s_[pos_]; }
    void skip_ws() {
        while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) ++pos_;
    }

    // "borger.alder", "ydelser[3].start"; without the innermost step when `last` is false
    // (a limit on a list or object names the list or object, not the element).
    std::string path(bool last = true) const {
        std::string out;
        const std::size_t n = last ? stack_.size() : (stack_.empty() ? 0 : stack_.size() - 1);
        for (std::size_t i = 0; i < n; ++i) {
            const Frame& f = stack_[i];
            if (!f.object && f.count > 0) out += fmt::format("[{}]", f.count - 1);
            if (f.object && f.has_key) (out.empty() ? out : out += '.') += f.key;
        }
        return out;
    }

    std::pair<std::size_t, std::size_t> line_col(std::size_t at) const {
        at = std::min(at, s_.size());
        const std::string_view before = s_.substr(0, at);
        const std::size_t line = g_.foerste_linje + std::size_t(std::count(before.begin(), before.end(), '\n'));
        const std::size_t nl = before.rfind('\n');
        const std::size_t start = nl == std::string_view::npos ? 0 : nl + 1;
        const std::size_t col = 1 + char_count(before.substr(start));
        return {line, nl == std::string_view::npos ? col + g_.foerste_kolonne - 1 : col};
    }

    // A syntax error at byte `at`; `what` says what is wrong and what to do.
    State syntax(std::size_t at, const std::string& what, bool last = true) {
        auto [line, col] = line_col(at);
        const std::string felt = path(last);
        std::string where = fmt::format("ugyldig JSON i linje {}, kolonne {}", line, col);
        if (!felt.empty()) where += fmt::format(" (feltet '{}')", felt);
        problem_ = detail::JsonProblem{kSyntax, felt, where + ": " + what, line, col};
        return State::Done;
    }

    State limit(std::size_t at, const char* kode, const std::string& what, bool last) {
        auto [line, col] = line_col(at);
        const std::string felt = path(last);
        problem_ = detail::JsonProblem{kode, felt, fmt::format("{} (linje {}, kolonne {})", with_field(felt, what), line, col),
                                       line, col};
        return State::Done;
    }

    State unclosed() {
        const Frame& f = stack_.back();
        auto [line, col] = line_col(f.open);
        return syntax(s_.size(),
                      fmt::format("sagen slutter, før {} fra linje {}, kolonne {} er lukket: ret syntaksen i sagen",
                                  f.object ? "objektet" : "listen", line, col),
                      false);
    }

    // Looking for the id only: a value that is well-formed JSON but cannot be read (a number
    // too big, a byte that is not UTF-8) is passed over, unless it is the id itself or a key.
    bool passing_over(bool kept) const { return want_id_ && !kept; }

    bool capturing_id() const {
        return want_id_ && stack_.size() == 1 && stack_[0].object && stack_[0].has_key && stack_[0].key == "id";
    }

    State value() {
        if (at_end()) {
            if (stack_.empty()) return syntax(pos_, "sagen er tom: forventede et JSON-objekt");
            return unclosed();
        }
        const char c = peek();
        if (c == '{' || c == '[') return open(c == '{');
        if (c == '"') {
            const bool capture = capturing_id();
            std::string text;
            if (!string(capture ? &text : nullptr, false)) return State::Done;
            if (capture) {
                id_ = std::move(text);
                return State::Done;
            }
            return State::After;
        }
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        if (token_char(c)) return literal();
        return syntax(pos_, fmt::format("uventet tegn {}; forventede en værdi: ret syntaksen i sagen", show_char(s_, pos_)));
    }

    State open(bool object) {
        if (stack_.size() >= g_.max_dybde) return limit(pos_, "for_dyb", too_deep(g_), true);
        stack_.emplace_back();
        stack_.back().object = object;
        stack_.back().open = pos_;
        ++pos_;
        return object ? State::FirstKey : State::FirstValue;
    }

    State close() {
        ++pos_;
        stack_.pop_back();
        return State::After;
    }

    State first_value() {
        if (!at_end() && peek() == ']') return close();
        return element();
    }

    State element() {
        Frame& f = stack_.back();
        if (++f.count > g_.max_liste) return limit(pos_, "for_lang_liste", too_long_list(g_), false);
        return State::Value;
    }

    State key(bool first) {
        if (at_end()) return unclosed();
        Frame& f = stack_.back();
        f.has_key = false;
        if (first && peek() == '}') return close();
        if (peek() != '"') {
            const bool extra_comma = !first && (peek() == '}' || peek() == ']');
            return syntax(pos_, fmt::format("uventet tegn {}; forventede et feltnavn i anførselstegn{}: ret syntaksen i sagen",
                                            show_char(s_, pos_), extra_comma ? " (et komma for meget?)" : ""));
        }
        if (++f.count > g_.max_felter) return limit(pos_, "for_mange_felter", too_many_fields(g_), false);
        f.key.clear();
        if (!string(&f.key, true)) return State::Done;
        f.has_key = true;
        skip_ws();
        if (at_end()) return unclosed();
        if (peek() != ':')
            return syntax(pos_, fmt::format("uventet tegn {}; forventede ':' efter feltnavnet: ret syntaksen i sagen",
                                            show_char(s_, pos_)));
        ++pos_;
        return State::Value;
    }

    State after() {
        if (stack_.empty()) {
            if (at_end()) return State::Done;
            return syntax(pos_, fmt::format("uventet tegn {} efter sagens afslutning: ret syntaksen i sagen",
                                            show_char(s_, pos_)));
        }
        if (at_end()) return unclosed();
        const bool object = stack_.back().object;
        if (peek() == ',') {
            ++pos_;
            if (object) return State::Key;
            skip_ws();
            return element();
        }
        if (peek() == (object ? '}' : ']')) return close();
        return syntax(pos_, fmt::format("uventet tegn {}; forventede ',' eller '{}': ret syntaksen i sagen",
                                        show_char(s_, pos_), object ? '}' : ']'),
                      false);
    }

    // A string from its opening quote; decoded into *out when given.
    bool string(std::string* out, bool is_key) {
        const std::size_t start = pos_++;
        std::size_t chars = 0;
        while (true) {
            if (at_end()) {
                syntax(start, "teksten, der begynder her, er ikke afsluttet med '\"': ret syntaksen i sagen", !is_key);
                return false;
            }
            const auto c = static_cast<unsigned char>(peek());
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (++chars > g_.max_tekst) {
                if (!want_id_ || capturing_id()) {
                    limit(start, "for_lang_tekst", too_long_text(g_, is_key), !is_key);
                    return false;
                }
                // looking for the id, a longer text or key is passed over, and a key is not
                // held past the limit (it cannot be "id"): a long key costs no memory
                out = nullptr;
            }
            if (c == '\\') {
                if (!escape(out, is_key)) return false;
                continue;
            }
            if (c < 0x20) {
                syntax(pos_, fmt::format("tegnet U+{:04X} skal skrives som escape-sekvens i en tekst (\\n, \\t, \\u{:04x}): "
                                         "ret syntaksen i sagen", unsigned(c), unsigned(c)), !is_key);
                return false;
            }
            const std::size_t len = utf8_length(s_, pos_);
            if (!len && passing_over(out != nullptr || is_key)) { // the contract wants the id whenever the case has one
                ++pos_;
                continue;
            }
            if (!len) {
                syntax(pos_, fmt::format("byte 0x{:02X} er ikke gyldig UTF-8: gem sagen som UTF-8", unsigned(c)), !is_key);
                return false;
            }
            if (out) out->append(s_.substr(pos_, len));
            pos_ += len;
        }
    }

    bool hex4(std::size_t i, char32_t& v) const {
        if (i > s_.size() || s_.size() - i < 4) return false;
        v = 0;
        for (std::size_t k = i; k < i + 4; ++k) {
            const char h = s_[k];
            const int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
            if (d < 0) return false;
            v = v * 16 + char32_t(d);
        }
        return true;
    }

    bool escape(std::string* out, bool is_key) {
        const std::size_t at = pos_;
        auto bad = [&](const std::string& what) {
            syntax(at, what + ": ret syntaksen i sagen", !is_key);
            return false;
        };
        if (s_.size() - pos_ < 2) return bad("teksten slutter midt i en escape-sekvens");
        const char e = s_[pos_ + 1];
        static constexpr std::string_view simple = "\"\\/bfnrt", decoded = "\"\\/\b\f\n\r\t";
        if (const auto k = simple.find(e); k != std::string_view::npos) {
            if (out) *out += decoded[k];
            pos_ += 2;
            return true;
        }
        if (e != 'u') return bad(fmt::format("ugyldig escape-sekvens: '\\' efterfulgt af {}", show_char(s_, pos_ + 1)));
        char32_t cp;
        if (!hex4(pos_ + 2, cp)) return bad("ugyldig \\u-sekvens: forventede fire hexadecimale cifre");
        pos_ += 6;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            char32_t low;
            const bool pair = s_.size() - pos_ >= 2 && s_[pos_] == '\\' && s_[pos_ + 1] == 'u' && hex4(pos_ + 2, low) &&
                              low >= 0xDC00 && low <= 0xDFFF;
            if (!pair) return bad(fmt::format("\\u{:04x} er en halv UTF-16-surrogat uden sin anden halvdel", unsigned(cp)));
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            pos_ += 6;
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return bad(fmt::format("\\u{:04x} er en halv UTF-16-surrogat uden sin første halvdel", unsigned(cp)));
        }
        if (out) append_utf8(*out, cp);
        return true;
    }

    // What may run on from a number or a word: "01", "1.", "1e", "tru", "nulll" are one bad
    // token each, reported whole, not a number followed by a stray character.
    static bool token_char(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '+' ||
               c == '-' || c == '_';
    }

    State number() {
        const std::size_t start = pos_;
        auto digits = [&] {
            const std::size_t from = pos_;
            while (!at_end() && peek() >= '0' && peek() <= '9') ++pos_;
            return pos_ > from;
        };
        bool ok = true, integral = true;
        if (peek() == '-') ++pos_;
        if (!at_end() && peek() == '0') ++pos_;
        else ok = digits();
        if (ok && !at_end() && peek() == '.') ++pos_, integral = false, ok = digits();
        if (ok && !at_end() && (peek() == 'e' || peek() == 'E')) {
            ++pos_, integral = false;
            if (!at_end() && (peek() == '+' || peek() == '-')) ++pos_;
            ok = digits();
        }
        while (!at_end() && token_char(peek())) ++pos_, ok = false;
        const std::string_view token = s_.substr(start, pos_ - start);
        if (!ok) return syntax(start, fmt::format("'{}' er ikke et gyldigt tal: ret syntaksen i sagen", excerpt(token)));
        if (!representable(token, integral) && !passing_over(capturing_id())) {
            if (!integral)
                return syntax(start, fmt::format("tallet {} er for stort til at kunne læses (højst ±1,8·10^308)", excerpt(token)));
            return syntax(start, fmt::format("heltallet {} er for {} til at kunne læses (et heltal skal ligge mellem {} og "
                                             "{}; et id så langt skrives som tekst i anførselstegn)",
                                             excerpt(token), token[0] == '-' ? "lille" : "stort",
                                             std::numeric_limits<std::int64_t>::min(),
                                             std::numeric_limits<std::uint64_t>::max()));
        }
        if (capturing_id() && integral) {
            id_ = integer_text(token);
            return State::Done;
        }
        if (capturing_id()) { // 1.0, 1e0: the reader takes a whole decimal as its integer
            double d = 0;
            if (std::from_chars(token.data(), token.data() + token.size(), d).ec == std::errc{}) id_ = whole_digits(d);
            return State::Done;
        }
        return State::After;
    }

    // Whether simdjson can hold the number: integers in int64 (or uint64 when positive),
    // others as a finite double (a number too small for one becomes 0, as in simdjson).
    static bool representable(std::string_view token, bool integral) {
        const char* b = token.data();
        const char* e = b + token.size();
        if (integral) {
            if (token[0] == '-') {
                std::int64_t v;
                return std::from_chars(b, e, v).ec == std::errc{};
            }
            std::uint64_t v;
            return std::from_chars(b, e, v).ec == std::errc{};
        }
        double d;
        const auto r = std::from_chars(b, e, d);
        if (r.ec == std::errc{}) return std::isfinite(d);
        return r.ec == std::errc::result_out_of_range && decimal_exponent(token) < 0; // underflow
    }

    // The power of ten of a number's first significant digit (saturating); 0 for zero.
    static long long decimal_exponent(std::string_view t) {
        std::size_t i = t[0] == '-' ? 1 : 0;
        long long lead = 0;
        bool found = false;
        long long int_digits = 0, frac_pos = 0;
        for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i, ++int_digits)
            if (!found && t[i] != '0') found = true, lead = int_digits;
        long long e10 = found ? int_digits - 1 - lead : 0;
        if (i < t.size() && t[i] == '.')
            for (++i; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i) {
                ++frac_pos;
                if (!found && t[i] != '0') found = true, e10 = -frac_pos;
            }
        if (!found) return 0;
        long long exp = 0;
        if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
            ++i;
            const bool neg = i < t.size() && t[i] == '-';
            if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
            for (; i < t.size(); ++i) exp = std::min(exp * 10 + (t[i] - '0'), 1'000'000'000'000LL);
            if (neg) exp = -exp;
        }
        return e10 + exp;
    }

    static std::string integer_text(std::string_view token) {
        std::int64_t v;
        if (std::from_chars(token.data(), token.data() + token.size(), v).ec == std::errc{}) return std::to_string(v);
        return std::string(token); // above INT64_MAX: the digits as written
    }

    State literal() {
        const std::size_t start = pos_;
        while (!at_end() && token_char(peek())) ++pos_;
        const std::string_view word = s_.substr(start, pos_ - start);
        if (word == "true" || word == "false" || word == "null") return State::After;
        return syntax(start, fmt::format("ukendt ord '{}'; forventede en værdi (en tekst i anførselstegn, et tal, true, "
                                         "false eller null): ret syntaksen i sagen", excerpt(word)));
    }

    std::string_view s_;
    const SagGraenser& g_;
    std::size_t pos_ = 0;
    std::vector<Frame> stack_;
    std::optional<detail::JsonProblem> problem_;
    bool want_id_ = false;
    std::optional<std::string> id_;
};

// ---- The tree walk -----------------------------------------------------------------------

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

// Every node of a parsed document, known fields or not, against the limits; and no key
// twice in one object. Recursion is bounded: simdjson refused anything much deeper.
class LimitCheck {
public:
    explicit LimitCheck(const SagGraenser& g) : g_(g) {}

    void run(const json& root) { visit(root, 1, nullptr); }

    // For OnePass: a value at `depth`, and an object's keys (its path is not needed: at
    // any error the three passes run again and name it).
    void subtree(const json& v, std::size_t depth) { visit(v, depth, nullptr); }
    void unique_keys(const simdjson::dom::object& obj) {
        if (obj.size() > kFew) return unique_keys(obj, nullptr);
        std::array<std::string_view, kFew> keys;
        std::size_t k = 0;
        for (auto [key, x] : obj) {
            if (std::find(keys.begin(), keys.begin() + k, key) != keys.begin() + k) duplicate(nullptr, key);
            keys[k++] = key;
        }
    }

private:
    // The way down to a node, one per level on the stack: written out only for a message.
    struct Step {
        const Step* up = nullptr;
        std::string_view key = {}; // into the parsed document
        std::size_t index = 0;
        bool is_index = false;
    };

    // An object this small (cases' objects have at most a dozen keys) is read once: its
    // members kept here and their keys compared among themselves before any is visited.
    static constexpr std::size_t kFew = 16;

    void visit(const json& v, std::size_t depth, const Step* at) {
        switch (v.type()) {
        case Type::ARRAY: {
            if (depth > g_.max_dybde) over(at, "for_dyb", too_deep(g_));
            const auto list = items(v);
            if (list.size() > g_.max_liste) over(at, "for_lang_liste", too_long_list(g_));
            Step item{at, {}, 0, true};
            for (json x : list) {
                visit(x, depth + 1, &item);
                ++item.index;
            }
            break;
        }
        case Type::OBJECT: {
            if (depth > g_.max_dybde) over(at, "for_dyb", too_deep(g_));
            const auto obj = members(v);
            const std::size_t n = obj.size();
            if (n > g_.max_felter) over(at, "for_mange_felter", too_many_fields(g_));
            if (n <= kFew) {
                std::array<std::string_view, kFew> keys;
                std::array<json, kFew> values;
                std::size_t k = 0;
                for (auto [key, x] : obj) {
                    if (std::find(keys.begin(), keys.begin() + k, key) != keys.begin() + k) duplicate(at, key);
                    keys[k] = key, values[k] = x, ++k;
                }
                for (std::size_t i = 0; i < k; ++i) member(keys[i], values[i], depth, at);
            } else {
                unique_keys(obj, at);
                for (auto [key, x] : obj) member(key, x, depth, at);
            }
            break;
        }
        case Type::STRING:
            if (longer_than(v.get_string().value_unsafe(), g_.max_tekst))
                over(at, "for_lang_tekst", too_long_text(g_, false));
            break;
        default: break;
        }
    }

    void member(std::string_view key, const json& x, std::size_t depth, const Step* at) {
        if (longer_than(key, g_.max_tekst)) over(at, "for_lang_tekst", too_long_text(g_, true));
        const Step here{at, key};
        visit(x, depth + 1, &here);
    }

    // Above kFew keys, a hash set, so 100,000 keys cost 100,000 steps, not 5·10⁹.
    void unique_keys(const simdjson::dom::object& obj, const Step* at) {
        std::unordered_set<std::string_view> seen;
        seen.reserve(obj.size());
        for (auto [key, x] : obj)
            if (!seen.insert(key).second) duplicate(at, key);
    }

    static std::string path(const Step* at) {
        std::vector<const Step*> down;
        for (; at; at = at->up) down.push_back(at);
        std::string out;
        for (auto it = down.rbegin(); it != down.rend(); ++it) {
            const Step& s = **it;
            if (s.is_index) out += fmt::format("[{}]", s.index);
            else (out.empty() ? out : out += '.') += s.key;
        }
        return out;
    }

    [[noreturn]] void duplicate(const Step* at, std::string_view key) {
        const Step here{at, key};
        const std::string felt = path(&here);
        throw InputError(visible(fmt::format("feltet '{}' står to gange; hvert felt må kun stå én gang i et objekt", felt)),
                         "dubleret_felt", felt);
    }

    [[noreturn]] void over(const Step* at, const char* kode, const std::string& what) {
        const std::string felt = path(at);
        throw InputError(visible(with_field(felt, what)), kode, felt);
    }

    const SagGraenser& g_;
};

// ---- The known fields --------------------------------------------------------------------

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

// A field's place in the case ("leverancer[12].dato"), written out only when a message
// needs it: building that text for every field read cost more than reading the field.
// A Path points at its parent, so it lives no longer than the parent's scope.
class Path {
public:
    Path(std::string_view key = {}) : key_(key) {} // a top-level field; empty: the case itself
    Path(const char* key) : key_(key) {}
    Path(const Path& parent, std::string_view key) : parent_(&parent), key_(key) {}
    Path(const Path& parent, std::size_t index) : parent_(&parent), index_(index), is_index_(true) {}

    std::string str() const {
        std::string out = parent_ ? parent_->str() : std::string();
        if (is_index_) return out + fmt::format("[{}]", index_);
        if (!out.empty() && !key_.empty()) out += '.';
        return out.append(key_);
    }

private:
    const Path* parent_ = nullptr;
    std::string_view key_;
    std::size_t index_ = 0;
    bool is_index_ = false;
};

[[noreturn]] void fail(const Path& at, const std::string& what) {
    const std::string path = at.str();
    throw InputError(visible(fmt::format("feltet '{}': {}", path, what)), kField, path);
}

[[noreturn]] void wrong_type(const Path& path, const char* expected, const json& v) {
    fail(path, fmt::format("forventede {}, fik {}", expected, type_name(v)));
}

Path join(const Path& path, std::string_view key) { return Path(path, key); }

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

// A number as the case wrote it, near enough: integers exactly, others shortest round-trip
// ("-1e+300", never a value cast into range first).
std::string show_number(const json& v) {
    switch (v.type()) {
    case Type::INT64: return std::to_string(v.get_int64().value_unsafe());
    case Type::UINT64: return std::to_string(v.get_uint64().value_unsafe());
    default: return fmt::format("{}", v.get_double().value_unsafe());
    }
}

// (Returns by value: an element is a small handle into the parser's document.)
std::optional<json> field(const json& obj, std::string_view key) {
    json v;
    if (members(obj).at_key(key).get(v) != simdjson::SUCCESS || v.is_null()) return std::nullopt;
    return v;
}

json object(const json& v, const Path& path) {
    if (!v.is_object()) wrong_type(path, "et objekt", v);
    return v;
}

std::string text(const json& v, const Path& path) {
    if (!v.is_string()) wrong_type(path, "en tekst", v);
    return std::string(v.get_string().value_unsafe());
}

// A value that is a whole number written as a decimal, as its digits (whole_digits).
std::optional<std::string> whole_double(const json& v) {
    if (v.type() != Type::DOUBLE) return std::nullopt;
    return whole_digits(v.get_double().value_unsafe());
}

// A text, or an integer taken as its digits (ids and paragraphs: the schema allows both).
std::string text_or_integer(const json& v, const Path& path) {
    if (v.is_int64() || v.is_uint64()) return show_number(v);
    if (auto whole = whole_double(v)) return *whole;
    if (v.type() == Type::DOUBLE) fail(path, fmt::format("forventede en tekst eller et heltal, fik {}", show_number(v)));
    return text(v, path);
}

bool boolean(const json& v, const Path& path) {
    if (!v.is_bool()) wrong_type(path, "true eller false", v);
    return v.get_bool().value_unsafe();
}

[[noreturn]] void out_of_range(const json& v, const Path& path, long long lo, long long hi) {
    fail(path, fmt::format("skal være mellem {} og {}, fik {}", lo, hi, show_number(v)));
}

long long integer(const json& v, const Path& path, long long lo, long long hi) {
    switch (v.type()) {
    case Type::DOUBLE: {
        const double d = v.get_double().value_unsafe();
        if (d != std::floor(d)) fail(path, fmt::format("forventede et heltal, fik {}", show_number(v)));
        if (!(d >= double(lo) && d <= double(hi))) out_of_range(v, path, lo, hi); // before the cast: out of range it is undefined
        return static_cast<long long>(d);
    }
    case Type::INT64: {
        const long long n = v.get_int64().value_unsafe();
        if (n < lo || n > hi) out_of_range(v, path, lo, hi);
        return n;
    }
    case Type::UINT64: out_of_range(v, path, lo, hi); // only above INT64_MAX, so above any hi
    default: wrong_type(path, "et heltal", v);
    }
    return 0; // unreachable: fail() throws
}

double number(const json& v, const Path& path, double lo, double hi) {
    if (!is_number(v)) wrong_type(path, "et tal", v);
    const double d = as_double(v);
    if (!(d >= lo && d <= hi)) fail(path, fmt::format("skal være mellem {} og {}, fik {}", lo, hi, show_number(v)));
    return d;
}

Dato date(const json& v, const Path& path) {
    if (!v.is_string()) wrong_type(path, "en dato \"ÅÅÅÅ-MM-DD\"", v);
    const std::string_view s = v.get_string().value_unsafe();
    auto d = Dato::parse(s);
    if (!d) fail(path, fmt::format("\"{}\" er ikke en gyldig dato (forventede ÅÅÅÅ-MM-DD)", excerpt(s)));
    // The calendar (holidays, deadlines) is defined for these years only; a date outside
    // them is a typo, and would fail later as a rule's error instead of the field's.
    if (!d->i_omraadet())
        fail(path, fmt::format("{} ligger uden for de datoer, der kan regnes med ({} – {})", excerpt(s),
                               Dato::foerste().iso(), Dato::sidste().iso()));
    return *d;
}

std::string one_of(const json& v, const Path& path, std::span<const std::string_view> allowed) {
    std::string s = text(v, path);
    if (std::find(allowed.begin(), allowed.end(), s) == allowed.end()) {
        std::string list;
        for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        fail(path, fmt::format("\"{}\" er ikke en gyldig værdi; brug en af: {}", excerpt(s), list));
    }
    return s;
}

std::string one_of(const json& v, const Path& path, std::initializer_list<std::string_view> allowed) {
    return one_of(v, path, std::span<const std::string_view>(allowed.begin(), allowed.size()));
}

json array(const json& v, const Path& path) {
    if (!v.is_array()) wrong_type(path, "en liste", v);
    return v;
}

Path item(const Path& path, std::size_t i) { return Path(path, i); }

// A field every element of a list must have (a follow-up's dato, a delivery's minutter).
[[noreturn]] void missing(std::string_view key, const Path& path) {
    fail(join(path, key), fmt::format("mangler; hvert element i listen skal have '{}' (null tæller som manglende)", key));
}

json required(const json& obj, std::string_view key, const Path& path) {
    auto f = field(obj, key);
    if (!f) missing(key, path);
    return *f;
}

// The named fields of one object, found in one pass over its members: a case is mostly
// its lists of deliveries, and looking each field up by name walked the object once per
// field. As field(): null is absent; a key given twice never gets here (LimitCheck).
template <std::size_t N>
std::array<std::optional<json>, N> fields_of(const json& obj, const std::array<std::string_view, N>& names) {
    std::array<std::optional<json>, N> out;
    for (auto [key, value] : members(obj)) {
        if (value.is_null()) continue;
        for (std::size_t i = 0; i < N; ++i)
            if (key == names[i]) {
                out[i] = value;
                break;
            }
    }
    return out;
}

json required(const std::optional<json>& f, std::string_view key, const Path& path) {
    if (!f) missing(key, path);
    return *f;
}

// "HH:MM" → minutes after midnight.
int clock(const json& v, const Path& path) {
    std::string s = text(v, path);
    auto digit = [&](std::size_t i) { return s[i] >= '0' && s[i] <= '9'; };
    if (s.size() != 5 || s[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4))
        fail(path, fmt::format("\"{}\" er ikke et klokkeslæt (forventede TT:MM)", excerpt(s)));
    int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
    if (h > 23 || m > 59) fail(path, fmt::format("\"{}\" er ikke et klokkeslæt (forventede TT:MM)", s));
    return h * 60 + m;
}
template <class F>
void optional_field(const json& obj, std::string_view key, const Path& path, F&& f) {
    if (auto v = field(obj, key)) f(*v, join(path, key));
}

Vum parse_vum(const json& v) {
    const Path path("vum");
    object(v, path);
    Vum vum;
    optional_field(v, "dato", path, [&](const json& x, const Path& p) { vum.dato = date(x, p); });
    optional_field(v, "temaer", path, [&](const json& temaer, const Path& p) {
        object(temaer, p);
        for (auto [key, value] : members(temaer)) {
            const Path tp(p, key);
            auto index = Vum::tema_index(key);
            if (!index) {
                std::string list;
                for (auto t : Vum::tema_ids) list += (list.empty() ? "" : ", ") + std::string(t);
                const auto naermest = naermeste_navn(key, Vum::tema_ids);
                fail(tp, fmt::format("ukendt VUM-tema{}; temaerne er: {}",
                                     naermest ? fmt::format(" — mente du '{}'?", *naermest) : "", list));
            }
            if (value.is_null()) continue;
            vum.score[*index] = static_cast<std::int8_t>(integer(value, tp, 0, 4));
        }
    });
    return vum;
}

Bevilling parse_bevilling(const json& v) {
    const Path path("bevilling");
    object(v, path);
    Bevilling b;
    auto d = [&](const char* key, std::optional<Dato>& out) {
        optional_field(v, key, path, [&](const json& x, const Path& p) { out = date(x, p); });
    };
    d("afgoerelse_dato", b.afgoerelse_dato);
    d("afgoerelse_modtaget", b.afgoerelse_modtaget);
    d("afgoerelse_sendt", b.afgoerelse_sendt);
    optional_field(v, "afgoerelse_kanal", path, [&](const json& x, const Path& p) {
        b.afgoerelse_kanal = one_of(x, p, {"digital", "fysisk"});
    });
    d("start", b.start);
    optional_field(v, "foerstegangs", path, [&](const json& x, const Path& p) { b.foerstegangs = boolean(x, p); });
    optional_field(v, "timer", path, [&](const json& x, const Path& p) { b.timer = number(x, p, 0, 1000); });
    optional_field(v, "periode", path, [&](const json& x, const Path& p) { b.periode = one_of(x, p, {"uge", "maaned"}); });
    optional_field(v, "pakke", path, [&](const json& x, const Path& p) { b.pakke = text(x, p); });
    optional_field(v, "form", path, [&](const json& x, const Path& p) {
        b.form = one_of(x, p, {"individuel", "gruppe", "kombination"});
    });
    optional_field(v, "leverandoer", path, [&](const json& x, const Path& p) {
        object(x, p);
        optional_field(x, "naert_beslaegtet", p, [&](const json& y, const Path& q) { b.naert_beslaegtet = boolean(y, q); });
    });
    optional_field(v, "opfoelgning_interval_maaneder", path, [&](const json& x, const Path& p) {
        b.opfoelgning_interval_maaneder = static_cast<int>(integer(x, p, 1, 120));
    });
    return b;
}

template <class T, class F>
std::vector<T> parse_list(const json& root, std::string_view key, F&& parse_one) {
    std::vector<T> out;
    auto v = field(root, key);
    if (!v) return out;
    const Path path(key);
    array(*v, path);
    const auto list = items(*v);
    out.reserve(list.size());
    std::size_t i = 0;
    for (json x : list) out.push_back(parse_one(x, item(path, i++)));
    return out;
}

// ---- Fields outside the schema -----------------------------------------------------------

std::string unknown_message(const detail::UkendtFelt& u) {
    if (auto forslag = detail::foreslaa_felt(u))
        return fmt::format("feltet '{}' findes ikke i sagens skema — mente du '{}'?", u.sti, *forslag);
    std::string names;
    for (auto n : u.naboer) names += (names.empty() ? "" : ", ") + std::string(n);
    const bool top = u.sti.size() == u.navn.size();
    return fmt::format("feltet '{}' findes ikke i sagens skema; {} er: {}", u.sti, top ? "sagens felter" : "felterne her",
                       names);
}

// Listed for the assessment (the first Sag::kMaxIgnorerede), or, when the caller asked for
// strict reading, the case's error: a typo such as "motivret" must not pass unseen.
void unknown_fields(const json& root, UkendteFelter ukendte, std::vector<std::string>& ignorerede) {
    detail::find_ukendte_felter(root, [&](const detail::UkendtFelt& u) {
        if (ukendte == UkendteFelter::Afvis) throw InputError(visible(unknown_message(u)), "ukendt_felt", u.sti);
        ignorerede.push_back(u.sti);
        return ignorerede.size() < Sag::kMaxIgnorerede;
    });
}

// ---- One pass, for the case that is valid ----------------------------------------------

// Thrown by OnePass at the first thing it does not accept as it is.
struct Bail {};

// The three passes below (LimitCheck, the unknown-field walk, the typed read) in one walk
// over the document, for a case with nothing wrong: each known field is visited once, and
// LimitCheck runs only over what the reader does not visit (unknown fields' values). It
// accepts exactly what the three passes accept, and builds the same Sag (unknown fields
// listed in the walk's order); at anything else it bails, and the three passes run and
// decide which error the case gets, so the messages and their order stay theirs.
// On the demo cases this cost about half the instructions of the three passes.
class OnePass {
public:
    OnePass(const SagGraenser& g, UkendteFelter ukendte, Sag& s) : g_(g), ukendte_(ukendte), s_(s) {}

    void run(const json& root) {
        static constexpr std::array<std::string_view, 15> kNames{
            "id",      "kommune",   "borger",        "ansoegning", "vum",   "forhold",
            "ydelser", "ansoegte_aktiviteter", "bevilling", "opfoelgninger", "leverancer", "afbud",
            "klage",   "arbejdspladsvurdering", "indsatsplan"};
        each_field(root, 1, nullptr, kNames, [&](std::size_t i, const json& x, const Step* at) {
            switch (i) {
            case 0: s_.id = text_or_integer(x); break;
            case 1: s_.kommune = std::string(str(x)); break;
            case 2: borger(x, at); break;
            case 3: ansoegning(x, at); break;
            case 4: vum(x, at); break;
            case 5: forhold(x, at); break;
            case 6: ydelser(x, at); s_.givet.ydelser = true; break;
            case 7: aktiviteter(x); s_.givet.ansoegte_aktiviteter = true; break;
            case 8: bevilling(x, at); break;
            case 9: opfoelgninger(x, at); s_.givet.opfoelgninger = true; break;
            case 10: leverancer(x, at); s_.givet.leverancer = true; break;
            case 11: afbud(x, at); s_.givet.afbud = true; break;
            case 12: klage(x, at); break;
            case 13: dated(x, at, s_.arbejdspladsvurdering_dato); break;
            case 14: dated(x, at, s_.indsatsplan_dato); break;
            }
        });
    }

private:
    // As in the unknown-field walk: the steps to where the pass is, written out only for an
    // unknown field's path.
    struct Step {
        const Step* up = nullptr;
        std::string_view key = {};
        std::size_t index = 0;
        bool is_index = false;
    };

    [[noreturn]] static void bail() { throw Bail{}; }

    // An object's members in document order: a known one (not null) goes to f(index, value,
    // step), an unknown one is listed and its value checked against the limits. Returns the
    // known fields seen (non-null), one bit each. Depth as in LimitCheck: the case is 1.
    template <std::size_t N, class F>
    std::uint32_t each_field(const json& v, std::size_t depth, const Step* at,
                             const std::array<std::string_view, N>& names, F&& f) {
        static_assert(N <= 32);
        simdjson::dom::object obj;
        if (v.get(obj) != simdjson::SUCCESS || depth > g_.max_dybde || obj.size() > g_.max_felter) bail();
        std::uint32_t seen = 0, given = 0;
        bool unknown = false;
        std::size_t hint = 0; // cases mostly write the fields in the schema's order
        for (auto [key, x] : obj) {
            if (longer_than(key, g_.max_tekst)) bail();
            std::size_t i = hint;
            if (i >= N || names[i] != key) {
                i = 0;
                while (i < N && names[i] != key) ++i;
            }
            if (i == N) {
                if (detail::kendt_navn(key)) bail(); // the schema knows it: the full reader decides
                unknown = true;
                const Step here{at, key};
                report(here);
                LimitCheck(g_).subtree(x, depth + 1);
                continue;
            }
            hint = i + 1;
            if (given & (1u << i)) bail(); // given twice
            given |= 1u << i;
            if (x.is_null()) continue;
            seen |= 1u << i;
            const Step here{at, key};
            f(i, x, &here);
        }
        if (unknown) LimitCheck(g_).unique_keys(obj);
        return seen;
    }

    void report(const Step& here) {
        if (ukendte_ == UkendteFelter::Afvis) bail();
        if (s_.ignorerede_felter.size() >= Sag::kMaxIgnorerede) return;
        std::vector<const Step*> down;
        for (const Step* s = &here; s; s = s->up) down.push_back(s);
        std::string out;
        for (auto it = down.rbegin(); it != down.rend(); ++it) {
            if ((*it)->is_index) out += fmt::format("[{}]", (*it)->index);
            else (out.empty() ? out : out += '.') += (*it)->key;
        }
        s_.ignorerede_felter.push_back(std::move(out));
    }

    // A list's items, each read by f(item, step) into `out`.
    template <class T, class F>
    void list_of(const json& v, const Step* at, std::vector<T>& out, F&& f) {
        simdjson::dom::array list;
        if (v.get(list) != simdjson::SUCCESS || 2 > g_.max_dybde || list.size() > g_.max_liste) bail();
        out.reserve(list.size());
        Step item{at, {}, 0, true};
        for (json x : list) {
            out.push_back(f(x, &item));
            ++item.index;
        }
    }

    // The checks of text(), date(), … above, without the messages.
    std::string_view str(const json& v) const {
        std::string_view s;
        if (v.get(s) != simdjson::SUCCESS || longer_than(s, g_.max_tekst)) bail();
        return s;
    }
    std::string text_or_integer(const json& v) const {
        if (v.is_int64() || v.is_uint64()) return show_number(v);
        if (auto whole = whole_double(v)) return *whole;
        return std::string(str(v));
    }
    static bool boolean(const json& v) {
        bool b;
        if (v.get(b) != simdjson::SUCCESS) bail();
        return b;
    }
    Dato date(const json& v) const {
        const auto d = Dato::parse(str(v));
        if (!d || !d->i_omraadet()) bail();
        return *d;
    }
    static long long integer(const json& v, long long lo, long long hi) {
        switch (v.type()) {
        case Type::DOUBLE: {
            const double d = v.get_double().value_unsafe();
            if (d != std::floor(d) || !(d >= double(lo) && d <= double(hi))) bail();
            return static_cast<long long>(d);
        }
        case Type::INT64: {
            const long long n = v.get_int64().value_unsafe();
            if (n < lo || n > hi) bail();
            return n;
        }
        default: bail();
        }
    }
    static double number(const json& v, double lo, double hi) {
        if (!is_number(v)) bail();
        const double d = as_double(v);
        if (!(d >= lo && d <= hi)) bail();
        return d;
    }
    template <std::size_t N>
    std::string one_of(const json& v, const std::array<std::string_view, N>& allowed) const {
        const std::string_view s = str(v);
        if (std::find(allowed.begin(), allowed.end(), s) == allowed.end()) bail();
        return std::string(s);
    }
    std::string_view art(const json& v) const {
        const auto a = Levering::art_of(str(v));
        if (!a) bail();
        return *a;
    }
    int clock(const json& v) const {
        const std::string_view s = str(v);
        auto digit = [&](std::size_t i) { return s[i] >= '0' && s[i] <= '9'; };
        if (s.size() != 5 || s[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4)) bail();
        const int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
        if (h > 23 || m > 59) bail();
        return h * 60 + m;
    }

    void borger(const json& v, const Step* at) {
        static constexpr std::array<std::string_view, 2> kNames{"alder", "foedselsdato"};
        each_field(v, 2, at, kNames, [&](std::size_t i, const json& x, const Step*) {
            if (i == 0) s_.alder = static_cast<int>(integer(x, 0, 130));
            else s_.foedselsdato = date(x);
        });
    }

    void ansoegning(const json& v, const Step* at) {
        static constexpr std::array<std::string_view, 2> kNames{"modtaget", "akut"};
        each_field(v, 2, at, kNames, [&](std::size_t i, const json& x, const Step*) {
            if (i == 0) s_.ansoegning_modtaget = date(x);
            else s_.ansoegning_akut = boolean(x);
        });
    }

    void vum(const json& v, const Step* at) {
        static constexpr std::array<std::string_view, 2> kNames{"dato", "temaer"};
        Vum vum;
        each_field(v, 2, at, kNames, [&](std::size_t i, const json& x, const Step*) {
            if (i == 0) {
                vum.dato = date(x);
                return;
            }
            // Open: an unknown theme is the reader's error, not an unknown field.
            simdjson::dom::object temaer;
            if (x.get(temaer) != simdjson::SUCCESS || 3 > g_.max_dybde || temaer.size() > g_.max_felter) bail();
            std::uint32_t given = 0;
            for (auto [key, y] : temaer) {
                const auto index = Vum::tema_index(key);
                if (!index || (given & (1u << *index)) || longer_than(key, g_.max_tekst)) bail();
                given |= 1u << *index;
                if (y.is_null()) continue;
                vum.score[*index] = static_cast<std::int8_t>(integer(y, 0, 4));
            }
        });
        s_.vum = vum;
    }

    void forhold(const json& v, const Step* at) {
        each_field(v, 2, at, Forhold::ids, [&](std::size_t i, const json& x, const Step*) {
            s_.forhold.vaerdi[i] = boolean(x);
        });
    }

    void ydelser(const json& v, const Step* at) {
        static constexpr std::array<std::string_view, 1> kNames{"paragraf"};
        list_of(v, at, s_.ydelser, [&](const json& y, const Step* step) {
            Ydelse r;
            const auto seen = each_field(y, 3, step, kNames, [&](std::size_t, const json& x, const Step*) {
                r.paragraf = text_or_integer(x);
            });
            if (seen != 1u) bail(); // paragraf missing
            return r;
        });
    }

    void aktiviteter(const json& v) {
        list_of(v, nullptr, s_.ansoegte_aktiviteter, [&](const json& a, const Step*) {
            const std::string_view id = str(a);
            if (id.empty()) bail(); // the full reader says why
            return std::string(id);
        });
    }

    void bevilling(const json& v, const Step* at) {
        static constexpr std::array<std::string_view, 12> kNames{
            "afgoerelse_dato", "afgoerelse_modtaget", "afgoerelse_sendt", "afgoerelse_kanal", "start", "foerstegangs",
            "timer", "periode", "pakke", "form", "leverandoer", "opfoelgning_interval_maaneder"};
        static constexpr std::array<std::string_view, 2> kKanal{"digital", "fysisk"}, kPeriode{"uge", "maaned"};
        static constexpr std::array<std::string_view, 3> kForm{"individuel", "gruppe", "kombination"};
        static constexpr std::array<std::string_view, 1> kLeverandoer{"naert_beslaegtet"};
        Bevilling b;
        each_field(v, 2, at, kNames, [&](std::size_t i, const json& x, const Step* step) {
            switch (i) {
            case 0: b.afgoerelse_dato = date(x); break;
            case 1: b.afgoerelse_modtaget = date(x); break;
            case 2: b.afgoerelse_sendt = date(x); break;
            case 3: b.afgoerelse_kanal = one_of(x, kKanal); break;
            case 4: b.start = date(x); break;
            case 5: b.foerstegangs = boolean(x); break;
            case 6: b.timer = number(x, 0, 1000); break;
            case 7: b.periode = one_of(x, kPeriode); break;
            case 8: b.pakke = std::string(str(x)); break;
            case 9: b.form = one_of(x, kForm); break;
            case 10:
                each_field(x, 3, step, kLeverandoer,
                           [&](std::size_t, const json& y, const Step*) { b.naert_beslaegtet = boolean(y); });
                break;
            case 11: b.opfoelgning_interval_maaneder = static_cast<int>(integer(x, 1, 120)); break;
            }
        });
        s_.bevilling = std::move(b);
    }

    void opfoelgninger(const json& v, const Step* at) {
        static constexpr std::array<std::string_view, 2> kNames{"dato", "form"};
        static constexpr std::array<std::string_view, 4> kForm{"personlig", "virtuel", "telefonisk", "administrativ"};
        list_of(v, at, s_.opfoelgninger, [&](const json& o, const Step* step) {
            Opfoelgning r{};
            const auto seen = each_field(o, 3, step, kNames, [&](std::size_t i, const json& x, const Step*) {
                if (i == 0) r.dato = date(x);
                else r.form = one_of(x, kForm);
            });
            if (!(seen & 1u)) bail(); // dato missing
            return r;
        });
    }

    void leverancer(const json& v, const Step* at) {
        static constexpr std::array<std::string_view, 4> kNames{"dato", "start", "minutter", "art"};
        list_of(v, at, s_.leverancer, [&](const json& l, const Step* step) {
            Levering r;
            const auto seen = each_field(l, 3, step, kNames, [&](std::size_t i, const json& x, const Step*) {
                switch (i) {
                case 0: r.dato = date(x); break;
                case 1: r.start_minut = clock(x); break;
                case 2: r.minutter = static_cast<int>(integer(x, 0, 24 * 60)); break;
                case 3: r.art = art(x); break;
                }
            });
            if (seen != 0xFu) bail(); // a field missing
            return r;
        });
    }

    void afbud(const json& v, const Step* at) {
        static constexpr std::array<std::string_view, 2> kNames{"dato", "af"};
        static constexpr std::array<std::string_view, 3> kAf{"borger", "udeblevet", "leverandoer"};
        list_of(v, at, s_.afbud, [&](const json& a, const Step* step) {
            Afbud r{};
            const auto seen = each_field(a, 3, step, kNames, [&](std::size_t i, const json& x, const Step*) {
                if (i == 0) r.dato = date(x);
                else r.af = one_of(x, kAf);
            });
            if (seen != 3u) bail();
            return r;
        });
    }

    void klage(const json& v, const Step* at) {
        static constexpr std::array<std::string_view, 2> kNames{"modtaget", "genvurderet"};
        each_field(v, 2, at, kNames, [&](std::size_t i, const json& x, const Step*) {
            (i == 0 ? s_.klage_modtaget : s_.klage_genvurderet) = date(x);
        });
    }

    void dated(const json& v, const Step* at, std::optional<Dato>& out) {
        static constexpr std::array<std::string_view, 1> kNames{"dato"};
        each_field(v, 2, at, kNames, [&](std::size_t, const json& x, const Step*) { out = date(x); });
    }

    const SagGraenser& g_;
    UkendteFelter ukendte_;
    Sag& s_;
};

// ---- Parsing -----------------------------------------------------------------------------

// What simdjson's error code says, for the rare case the scan finds nothing more precise.
std::string kind_of(simdjson::error_code e) {
    switch (e) {
    case simdjson::NUMBER_ERROR: return "et tal kan ikke læses";
    case simdjson::STRING_ERROR: return "en tekst kan ikke læses";
    case simdjson::UNCLOSED_STRING: return "en tekst er ikke afsluttet";
    case simdjson::UNESCAPED_CHARS: return "en tekst indeholder et tegn, der skal skrives som escape-sekvens";
    case simdjson::UTF8_ERROR: return "sagen er ikke gyldig UTF-8";
    case simdjson::EMPTY: return "sagen er tom";
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR: return "et ukendt ord";
    default: return "kommaer, klammer eller kolon står forkert";
    }
}

[[noreturn]] void refuse(std::string_view input, simdjson::error_code error, const SagGraenser& g) {
    if (auto p = detail::scan_json(input, g)) throw InputError(visible(p->besked), p->kode, p->felt);
    if (error == simdjson::DEPTH_ERROR) throw InputError(too_deep(g), "for_dyb");
    if (error == simdjson::MEMALLOC || error == simdjson::CAPACITY)
        throw InputError("der er ikke hukommelse nok til at læse sagen", "for_stor");
    throw InputError(fmt::format("ugyldig JSON: {}: ret syntaksen i sagen", kind_of(error)), kSyntax);
}

// Parsers are reused (their buffers stay allocated), lent from a pool rather than kept in a
// thread_local: a thread_local with a destructor registers it on its thread's first use, and
// glibc aborts the whole process when that registration finds no memory (a worker under
// `ulimit -v`, tests/cli/io_fejl.sh). A parser's buffers are about ten times the largest
// document it parsed, so one grown past the default limit (raised limits only) is dropped.
class ParserPool {
public:
    using Parser = simdjson::dom::parser;
    std::unique_ptr<Parser> take() {
        std::lock_guard lock(mutex_);
        if (free_.empty()) return nullptr;
        auto p = std::move(free_.back());
        free_.pop_back();
        return p;
    }
    void give(std::unique_ptr<Parser> p) noexcept {
        constexpr std::size_t kKept = SagGraenser{}.max_bytes;
        if (!p || p->capacity() > kKept) return;
        try {
            std::lock_guard lock(mutex_);
            if (free_.size() < kMaxFree) free_.push_back(std::move(p));
        } catch (...) { // no room to keep it: it goes
        }
    }

private:
    static constexpr std::size_t kMaxFree = 256; // more threads than that parse at once: never here
    std::mutex mutex_;
    std::vector<std::unique_ptr<Parser>> free_;
};

ParserPool& parsers() {
    static ParserPool pool;
    return pool;
}

// A parser lent for one document: the parsed document points into it, so the lease lives
// as long as the document is read.
struct Lease {
    std::unique_ptr<simdjson::dom::parser> parser = parsers().take();
    Lease() = default;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { parsers().give(std::move(parser)); }
};

json parse(std::string_view input, const SagGraenser& g, Lease& lease) {
    auto& parser = lease.parser;
    if (!parser) parser = std::make_unique<simdjson::dom::parser>();
    // simdjson counts a scalar inside the innermost list as one level more than we do, so
    // one level of slack; LimitCheck holds the exact limit.
    const std::size_t depth = std::max<std::size_t>(g.max_dybde, 1) + 1;
    if (parser->max_depth() != depth &&
        parser->allocate(std::max<std::size_t>(parser->capacity(), 4096), depth) != simdjson::SUCCESS)
        throw InputError("der er ikke hukommelse nok til at læse sagen", "for_stor");
    json root;
    if (const auto error = parser->parse(input.data(), input.size()).get(root)) refuse(input, error, g);
    return root;
}

} // namespace

namespace detail {

std::optional<JsonProblem> scan_json(std::string_view text, const SagGraenser& graenser) {
    return Scanner(text, graenser).problem();
}

} // namespace detail

std::optional<std::string> sag_id_of(std::string_view text) {
    // Lists, objects and texts may be any length before the id, and nested deeper than a
    // case may be: only the id and the open levels' keys are held (a case is at most 1 MiB,
    // so a key is too), and the levels are limited far above what a case may have.
    SagGraenser g;
    g.max_liste = g.max_felter = std::numeric_limits<std::size_t>::max();
    g.max_dybde = 4096;
    return Scanner(without_bom(text), g).top_level_id();
}

std::optional<std::size_t> Forhold::index(std::string_view id) {
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (ids[i] == id) return i;
    return std::nullopt;
}

std::optional<int> Sag::alder_paa(Dato on) const {
    // not born yet on that date: no age (an assessment refuses such a case outright)
    if (foedselsdato) return *foedselsdato > on ? std::nullopt : std::optional<int>(kvalitet::alder(*foedselsdato, on));
    return alder;
}

Sag Sag::from_json(std::string_view input, const SagGraenser& g) { return from_json(input, g, UkendteFelter::Ignorer); }

namespace {

json parse_checked(std::string_view input, const SagGraenser& g, Lease& lease) {
    if (input.size() > g.max_bytes) // before anything is built from it
        throw InputError(fmt::format("sagen fylder mere end grænsen på {}", size_text(g.max_bytes)), "for_stor");
    return parse(without_bom(input), g, lease);
}

// The three passes: each error in the order the contract gives them (limits anywhere
// first, then an unknown field when refused, then the fields in the schema's order).
Sag read_passes(const json& root, const SagGraenser& g, UkendteFelter ukendte) {
    LimitCheck(g).run(root);
    if (!root.is_object()) throw InputError(fmt::format("sagen: forventede et objekt, fik {}", type_name(root)), kSyntax);
    Sag s;
    unknown_fields(root, ukendte, s.ignorerede_felter);
    optional_field(root, "id", "", [&](const json& x, const Path& p) { s.id = text_or_integer(x, p); });
    optional_field(root, "kommune", "", [&](const json& x, const Path& p) { s.kommune = text(x, p); });
    optional_field(root, "borger", "", [&](const json& b, const Path& p) {
        object(b, p);
        optional_field(b, "alder", p, [&](const json& x, const Path& q) { s.alder = static_cast<int>(integer(x, q, 0, 130)); });
        optional_field(b, "foedselsdato", p, [&](const json& x, const Path& q) { s.foedselsdato = date(x, q); });
    });
    optional_field(root, "ansoegning", "", [&](const json& a, const Path& p) {
        object(a, p);
        optional_field(a, "modtaget", p, [&](const json& x, const Path& q) { s.ansoegning_modtaget = date(x, q); });
        optional_field(a, "akut", p, [&](const json& x, const Path& q) { s.ansoegning_akut = boolean(x, q); });
    });
    if (auto v = field(root, "vum")) s.vum = parse_vum(*v);
    optional_field(root, "forhold", "", [&](const json& f, const Path& p) {
        object(f, p);
        for (auto [key, value] : members(f)) {
            auto index = Forhold::index(key);
            if (!index || value.is_null()) continue; // an unknown finding: unknown_fields lists it
            s.forhold.vaerdi[*index] = boolean(value, join(p, key));
        }
    });
    s.ydelser = parse_list<Ydelse>(root, "ydelser", [](const json& y, const Path& p) {
        object(y, p);
        return Ydelse{text_or_integer(required(y, "paragraf", p), join(p, "paragraf"))};
    });
    s.ansoegte_aktiviteter = parse_list<std::string>(root, "ansoegte_aktiviteter", [](const json& a, const Path& p) {
        std::string id = text(a, p);
        if (id.empty()) fail(p, "en tom tekst er ikke en aktivitet; skriv aktivitetens id (f.eks. \"oekonomi\")");
        return id;
    });
    if (auto v = field(root, "bevilling")) s.bevilling = parse_bevilling(*v);
    s.opfoelgninger = parse_list<Opfoelgning>(root, "opfoelgninger", [](const json& o, const Path& p) {
        object(o, p);
        Opfoelgning r{date(required(o, "dato", p), join(p, "dato")), std::nullopt};
        optional_field(o, "form", p, [&](const json& x, const Path& q) {
            r.form = one_of(x, q, {"personlig", "virtuel", "telefonisk", "administrativ"});
        });
        return r;
    });
    s.leverancer = parse_list<Levering>(root, "leverancer", [](const json& l, const Path& p) {
        object(l, p);
        static constexpr std::array<std::string_view, 4> kNames{"dato", "start", "minutter", "art"};
        const auto f = fields_of(l, kNames);
        Levering r;
        r.dato = date(required(f[0], "dato", p), join(p, "dato"));
        r.start_minut = clock(required(f[1], "start", p), join(p, "start"));
        r.minutter = static_cast<int>(integer(required(f[2], "minutter", p), join(p, "minutter"), 0, 24 * 60));
        r.art = *Levering::art_of(one_of(required(f[3], "art", p), join(p, "art"), Levering::arter));
        return r;
    });
    s.afbud = parse_list<Afbud>(root, "afbud", [](const json& a, const Path& p) {
        object(a, p);
        static constexpr std::array<std::string_view, 2> kNames{"dato", "af"};
        const auto f = fields_of(a, kNames);
        return Afbud{date(required(f[0], "dato", p), join(p, "dato")),
                     one_of(required(f[1], "af", p), join(p, "af"), {"borger", "udeblevet", "leverandoer"})};
    });
    auto given = [&](const char* key) { return field(root, key).has_value(); };
    s.givet = {given("ydelser"), given("ansoegte_aktiviteter"), given("opfoelgninger"), given("leverancer"), given("afbud")};
    auto dated = [&](const char* key, std::optional<Dato>& out, const char* leaf) {
        optional_field(root, key, "", [&](const json& o, const Path& p) {
            object(o, p);
            optional_field(o, leaf, p, [&](const json& x, const Path& q) { out = date(x, q); });
        });
    };
    optional_field(root, "klage", "", [&](const json& o, const Path& p) {
        object(o, p);
        optional_field(o, "modtaget", p, [&](const json& x, const Path& q) { s.klage_modtaget = date(x, q); });
        optional_field(o, "genvurderet", p, [&](const json& x, const Path& q) { s.klage_genvurderet = date(x, q); });
    });
    dated("arbejdspladsvurdering", s.arbejdspladsvurdering_dato, "dato");
    dated("indsatsplan", s.indsatsplan_dato, "dato");
    return s;
}

} // namespace

Sag Sag::from_json(std::string_view input, const SagGraenser& g, UkendteFelter ukendte) {
    Lease lease;
    const json root = parse_checked(input, g, lease);
    try {
        Sag s;
        OnePass(g, ukendte, s).run(root);
        return s;
    } catch (const Bail&) {
    } catch (const InputError&) { // from LimitCheck, over an unknown field's value
    }
    return read_passes(root, g, ukendte); // throws the error the case has
}

namespace detail {

Sag sag_from_json_passes(std::string_view input, const SagGraenser& g, UkendteFelter ukendte) {
    Lease lease;
    return read_passes(parse_checked(input, g, lease), g, ukendte);
}

} // namespace detail

} // namespace kvalitet
