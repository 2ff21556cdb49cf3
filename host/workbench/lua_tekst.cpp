#include "workbench/lua_tekst.hpp"

#include <fmt/format.h>

#include "lua/error.hpp"

#include <cctype>
#include <cstring>
#include <algorithm>

namespace kvalitet::workbench {

namespace {

bool name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

class Scanner {
public:
    explicit Scanner(std::string_view s) : s_(s) {}

    LuaTekst run() {
        LuaTekst out;
        int last_token_line = 0;
        while (i_ < s_.size()) {
            const char c = s_[i_];
            if (c == '\n' || c == '\r') {
                newline();
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
                ++i_;
                continue;
            }
            if (c == '-' && peek(1) == '-') {
                Kommentar k;
                k.linje = line_;
                k.alene = last_token_line != line_;
                i_ += 2;
                if (int level = long_bracket(); level >= 0) k.tekst = long_string(level);
                else k.tekst = rest_of_line();
                k.slut = line_;
                out.kommentarer.push_back(std::move(k));
                continue;
            }
            Token t;
            t.linje = line_;
            if (name_start(c)) {
                const std::size_t start = i_;
                while (i_ < s_.size() && name_char(s_[i_])) ++i_;
                t = {Token::Art::Navn, std::string(s_.substr(start, i_ - start)), line_};
            } else if (c == '"' || c == '\'') {
                t.art = Token::Art::Tekst;
                t.tekst = short_string(c);
            } else if (c == '[' && long_bracket_ahead()) {
                t.art = Token::Art::Tekst;
                t.tekst = long_string(long_bracket());
            } else if (std::isdigit(static_cast<unsigned char>(c)) ||
                       (c == '.' && std::isdigit(static_cast<unsigned char>(peek(1))))) {
                const std::size_t start = i_;
                while (i_ < s_.size() && (name_char(s_[i_]) || s_[i_] == '.' ||
                                          ((s_[i_] == '-' || s_[i_] == '+') && std::strchr("eEpP", s_[i_ - 1]))))
                    ++i_;
                t = {Token::Art::Tal, std::string(s_.substr(start, i_ - start)), line_};
            } else {
                t.art = Token::Art::Tegn;
                t.tekst = symbol();
            }
            last_token_line = line_;
            out.tokens.push_back(std::move(t));
        }
        return out;
    }

private:
    char peek(std::size_t k) const { return i_ + k < s_.size() ? s_[i_ + k] : '\0'; }

    // "\r\n" and "\n\r" are one line end, as Lua counts them.
    void newline() {
        const char c = s_[i_++];
        if (i_ < s_.size() && (s_[i_] == '\n' || s_[i_] == '\r') && s_[i_] != c) ++i_;
        ++line_;
    }

    std::string rest_of_line() {
        const std::size_t start = i_;
        while (i_ < s_.size() && s_[i_] != '\n' && s_[i_] != '\r') ++i_;
        return std::string(s_.substr(start, i_ - start));
    }

    bool long_bracket_ahead() const {
        std::size_t k = i_ + 1;
        while (k < s_.size() && s_[k] == '=') ++k;
        return k < s_.size() && s_[k] == '[';
    }

    // At "[" "="* "[": consumes it and returns the level; else -1 and consumes nothing.
    int long_bracket() {
        if (peek(0) != '[' || !long_bracket_ahead()) return -1;
        std::size_t k = i_ + 1;
        while (s_[k] == '=') ++k;
        const int level = int(k - i_ - 1);
        i_ = k + 1;
        return level;
    }

    std::string long_string(int level) {
        std::string close(std::size_t(level) + 2, '='); // "]==]"
        close.front() = close.back() = ']';
        std::string out;
        while (i_ < s_.size()) {
            if (s_.compare(i_, close.size(), close) == 0) {
                i_ += close.size();
                return out;
            }
            if (s_[i_] == '\n' || s_[i_] == '\r') {
                newline();
                out += '\n';
                continue;
            }
            out += s_[i_++];
        }
        return out; // unfinished: the loader reports that, not the lint
    }

    std::string short_string(char quote) {
        std::string out;
        ++i_;
        while (i_ < s_.size() && s_[i_] != quote) {
            char c = s_[i_];
            if (c == '\n' || c == '\r') break; // unfinished string
            if (c == '\\' && i_ + 1 < s_.size()) {
                const char e = s_[i_ + 1];
                i_ += 2;
                switch (e) {
                case 'n': out += '\n'; break;
                case 't': out += '\t'; break;
                case '\n':
                case '\r':
                    --i_;
                    newline();
                    out += '\n';
                    break;
                case 'z':
                    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) {
                        if (s_[i_] == '\n' || s_[i_] == '\r') newline();
                        else ++i_;
                    }
                    break;
                default: out += e; break; // \\, \", \' and the rare ones as their letter
                }
                continue;
            }
            out += c;
            ++i_;
        }
        if (i_ < s_.size() && s_[i_] == quote) ++i_;
        return out;
    }

    std::string symbol() {
        static constexpr std::string_view three[] = {"..."};
        static constexpr std::string_view two[] = {"..", "==", "~=", "<=", ">=", "::", "//", "<<", ">>"};
        for (auto t : three)
            if (s_.compare(i_, t.size(), t) == 0) return std::string(s_.substr((i_ += 3) - 3, 3));
        for (auto t : two)
            if (s_.compare(i_, t.size(), t) == 0) return std::string(s_.substr((i_ += 2) - 2, 2));
        return std::string(1, s_[i_++]);
    }

    std::string_view s_;
    std::size_t i_ = 0;
    int line_ = 1;
};

} // namespace

void check_scannable(std::string_view fil, std::size_t bytes, bool read_to_limit) {
    if (bytes <= kMaxScannet) return;
    std::string mb = fmt::format("{:.1f}", double(bytes) / 1e6);
    std::replace(mb.begin(), mb.end(), '.', ','); // 2,1 MB
    throw InputError(fmt::format("{}: filen er {} MB; en standards kildetekst læses højst til {} MB (en standard er "
                                 "nogle få hundrede KB); del den op eller fjern det, der ikke hører til",
                                 fil, read_to_limit ? fmt::format("over {}", kMaxScannet >> 20) : mb, kMaxScannet >> 20));
}

LuaTekst scan_lua(std::string_view source) {
    if (source.starts_with("\xEF\xBB\xBF")) source.remove_prefix(3); // a byte order mark, as sandbox::load
    if (source.starts_with("#")) { // a shebang line is no Lua
        const auto nl = source.find('\n');
        LuaTekst t = scan_lua(nl == std::string_view::npos ? std::string_view() : source.substr(nl));
        return t;
    }
    return Scanner(source).run();
}

namespace {

bool symbol(const Token& t, std::string_view s) { return t.art == Token::Art::Tegn && t.tekst == s; }
bool opens(const Token& t) { return symbol(t, "{") || symbol(t, "(") || symbol(t, "["); }
bool closes(const Token& t) { return symbol(t, "}") || symbol(t, ")") || symbol(t, "]"); }

// Keywords that open a block closed by `end` or `until` (a function body inside a
// constructor); `while`/`for` blocks open at their `do`, `elseif` opens nothing.
bool opens_block(const Token& t) {
    return t.art == Token::Art::Navn &&
           (t.tekst == "function" || t.tekst == "if" || t.tekst == "do" || t.tekst == "repeat");
}
bool closes_block(const Token& t) { return t.art == Token::Art::Navn && (t.tekst == "end" || t.tekst == "until"); }

// Index of the "{" of the constructor after `foran` on `linje`, or npos.
// Tokens come in line order: the line is found by halving, not by a walk from the start
// (a walk per declaration was rules × tokens: minutes for a large file).
std::size_t constructor_at(const std::vector<Token>& ts, int linje, std::string_view foran) {
    const auto first = std::lower_bound(ts.begin(), ts.end(), linje, [](const Token& t, int l) { return t.linje < l; });
    for (auto i = std::size_t(first - ts.begin()); i < ts.size() && ts[i].linje == linje; ++i) {
        if (ts[i].art != Token::Art::Navn || ts[i].tekst != foran) continue;
        std::size_t j = i + 1;
        while (j < ts.size() && (symbol(ts[j], "=") || symbol(ts[j], "("))) ++j;
        if (j < ts.size() && symbol(ts[j], "{")) return j;
    }
    return std::string::npos;
}

// Index of the token that closes the bracket at `open`, or ts.size().
std::size_t matching(const std::vector<Token>& ts, std::size_t open) {
    int depth = 0;
    for (std::size_t k = open; k < ts.size(); ++k) {
        if (opens(ts[k])) ++depth;
        else if (closes(ts[k]) && --depth == 0) return k;
    }
    return ts.size();
}

} // namespace

Spaend constructor_span(const LuaTekst& t, int linje, std::string_view foran) {
    const auto open = constructor_at(t.tokens, linje, foran);
    if (open == std::string::npos) return {linje, linje};
    const auto close = matching(t.tokens, open);
    return {linje, close < t.tokens.size() ? t.tokens[close].linje : linje};
}

std::span<const Token> field_value(const LuaTekst& t, int linje, std::string_view foran, std::string_view felt) {
    const auto& ts = t.tokens;
    const auto open = constructor_at(ts, linje, foran);
    if (open == std::string::npos) return {};
    const auto close = matching(ts, open);
    int depth = 0, blocks = 0;
    for (std::size_t k = open + 1; k < close; ++k) {
        if (opens(ts[k])) ++depth;
        else if (closes(ts[k])) --depth;
        else if (opens_block(ts[k])) ++blocks;
        else if (closes_block(ts[k])) --blocks;
        else if (depth == 0 && blocks == 0 && ts[k].art == Token::Art::Navn && ts[k].tekst == felt &&
                 k + 1 < close && symbol(ts[k + 1], "=")) {
            // the value: up to the comma (or ;) at this level, outside any function body
            std::size_t e = k + 2;
            int d = 0, b = 0;
            for (; e < close; ++e) {
                if (opens(ts[e])) ++d;
                else if (closes(ts[e])) --d;
                else if (opens_block(ts[e])) ++b;
                else if (closes_block(ts[e])) --b;
                else if (d == 0 && b == 0 && (symbol(ts[e], ",") || symbol(ts[e], ";"))) break;
            }
            return std::span<const Token>(ts.data() + k + 2, e - (k + 2));
        }
    }
    return {};
}

std::vector<std::string> named_paths(std::span<const Token> code, std::span<const std::string_view> known) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i + 2 < code.size(); ++i) {
        if (code[i].art != Token::Art::Navn || !symbol(code[i + 1], ".") || code[i + 2].art != Token::Art::Navn) continue;
        const std::string path = code[i].tekst + "." + code[i + 2].tekst;
        for (auto k : known)
            if (k == path && std::find(out.begin(), out.end(), path) == out.end()) out.push_back(path);
    }
    return out;
}

} // namespace kvalitet::workbench
