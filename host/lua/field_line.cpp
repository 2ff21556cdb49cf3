#include "lua/field_line.hpp"

#include <cctype>
#include <cstring>
#include <string>

namespace kvalitet::lua {

namespace {

struct Token {
    enum Kind { Name, String, Symbol, End } kind = End;
    std::string_view text; // a name, a string's contents (escapes as written), a symbol
    int line = 0;
};

// Just enough of Lua's lexer to tell keys from everything else: comments, short and long
// strings (whose contents may look like code), names and the symbols that nest.
class Lexer {
  public:
    Lexer(std::string_view s, std::size_t at, int line) : s_(s), i_(at), line_(line) {}

    Token next() {
        skip_space_and_comments();
        if (i_ >= s_.size()) return {Token::End, {}, line_};
        const char c = s_[i_];
        const int line = line_;
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            const std::size_t start = i_;
            while (i_ < s_.size() &&
                   (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_'))
                ++i_;
            return {Token::Name, s_.substr(start, i_ - start), line};
        }
        if (c == '"' || c == '\'') return {Token::String, short_string(c), line};
        if (c == '[') {
            if (const auto level = long_bracket(); level >= 0)
                return {Token::String, long_string(std::size_t(level)), line};
        }
        if (std::isdigit(static_cast<unsigned char>(c))) {
            while (i_ < s_.size() &&
                   (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.' ||
                    ((s_[i_] == '-' || s_[i_] == '+') && std::strchr("eEpP", s_[i_ - 1]))))
                ++i_;
            return {Token::Symbol, "0", line};
        }
        // '==' is one symbol, so that `a == b` inside an expression is no key.
        const std::size_t n = (c == '=' && i_ + 1 < s_.size() && s_[i_ + 1] == '=') ? 2 : 1;
        i_ += n;
        return {Token::Symbol, s_.substr(i_ - n, n), line};
    }

  private:
    void newline_at(std::size_t k) {
        // "\r\n" is one line end; a lone '\r' is one too, as Lua counts them.
        if (s_[k] == '\n' || (s_[k] == '\r' && (k + 1 >= s_.size() || s_[k + 1] != '\n'))) ++line_;
    }

    void skip_space_and_comments() {
        while (i_ < s_.size()) {
            const char c = s_[i_];
            if (c == '-' && i_ + 1 < s_.size() && s_[i_ + 1] == '-') {
                i_ += 2;
                if (i_ < s_.size() && s_[i_] == '[') {
                    if (const auto level = long_bracket(); level >= 0) {
                        long_string(std::size_t(level));
                        continue;
                    }
                }
                while (i_ < s_.size() && s_[i_] != '\n' && s_[i_] != '\r')
                    ++i_;
            } else if (std::isspace(static_cast<unsigned char>(c))) {
                newline_at(i_++);
            } else {
                return;
            }
        }
    }

    std::string_view short_string(char quote) {
        const std::size_t start = ++i_;
        while (i_ < s_.size() && s_[i_] != quote) {
            if (s_[i_] == '\\' && i_ + 1 < s_.size()) ++i_; // an escaped quote or line end
            newline_at(i_++);
        }
        const std::string_view text = s_.substr(start, i_ - start);
        if (i_ < s_.size()) ++i_;
        return text;
    }

    // At '[': the level of a long bracket "[==[" starting here, or -1 (an index bracket).
    long long_bracket() const {
        std::size_t k = i_ + 1;
        while (k < s_.size() && s_[k] == '=')
            ++k;
        return k < s_.size() && s_[k] == '[' ? long(k - i_ - 1) : -1;
    }

    std::string_view long_string(std::size_t level) {
        i_ += level + 2;
        const std::size_t start = i_;
        while (i_ < s_.size()) {
            if (s_[i_] == ']' && s_.compare(i_ + 1, level, std::string(level, '=')) == 0 &&
                i_ + level + 1 < s_.size() && s_[i_ + level + 1] == ']') {
                const std::string_view text = s_.substr(start, i_ - start);
                i_ += level + 2;
                return text;
            }
            newline_at(i_++);
        }
        return s_.substr(start);
    }

    std::string_view s_;
    std::size_t i_;
    int line_;
};

bool opens_block(const Token& t) {
    return t.kind == Token::Name &&
           (t.text == "function" || t.text == "if" || t.text == "do" || t.text == "repeat");
}
bool closes_block(const Token& t) {
    return t.kind == Token::Name && (t.text == "end" || t.text == "until");
}
bool is(const Token& t, std::string_view symbol) {
    return t.kind == Token::Symbol && t.text == symbol;
}
bool opens(const Token& t) {
    return is(t, "{") || is(t, "(") || is(t, "[");
}
bool closes(const Token& t) {
    return is(t, "}") || is(t, ")") || is(t, "]");
}

// Just after a constructor's '{': the line of the key `path[0]` in it (descending for the
// rest of the path), or 0.
int find_in_constructor(Lexer& lex, std::span<const std::string_view> path) {
    int depth = 1, blocks = 0;
    bool field_start = true; // just after '{', ',' or ';' at this constructor's own level
    for (Token t = lex.next(); t.kind != Token::End; t = lex.next()) {
        const bool own_level = depth == 1 && blocks == 0;
        if (own_level && field_start) {
            std::string_view key;
            int line = t.line;
            if (t.kind == Token::Name) {
                key = t.text;
                t = lex.next();
            } else if (is(t, "[")) {
                ++depth; // until its ']'
                const Token k = lex.next();
                t = k;
                if (k.kind == Token::String && is(t = lex.next(), "]")) {
                    --depth;
                    key = k.text;
                    t = lex.next();
                }
            }
            if (!key.empty() && is(t, "=")) {
                if (key != path.front()) {
                    field_start = false;
                    continue;
                }
                if (path.size() == 1) return line;
                const Token value = lex.next();
                if (!is(value, "{")) return line; // the value is not written as a table here
                const int inner = find_in_constructor(lex, path.subspan(1));
                return inner ? inner : line;
            }
        }
        field_start = false;
        if (opens(t))
            ++depth;
        else if (closes(t) && --depth == 0)
            return 0;
        else if (opens_block(t))
            ++blocks;
        else if (closes_block(t) && blocks > 0)
            --blocks;
        field_start = depth == 1 && blocks == 0 && (is(t, ",") || is(t, ";"));
    }
    return 0;
}

} // namespace

int field_line(std::string_view source, int from_line, std::span<const std::string_view> path) {
    if (path.empty() || from_line < 1) return 0;
    std::size_t at = 0;
    for (int line = 1; line < from_line; ++line) {
        at = source.find('\n', at);
        if (at == std::string_view::npos) return 0;
        ++at;
    }
    // Only a constructor opened on the declaration's own line is the declaration's (a
    // later one could be any other declaration's).
    Lexer lex(source, at, from_line);
    for (Token t = lex.next(); t.kind != Token::End && t.line == from_line; t = lex.next())
        if (is(t, "{")) return find_in_constructor(lex, path);
    return 0;
}

} // namespace kvalitet::lua
