#include "lua/open_brace.hpp"

#include <vector>

namespace kvalitet::lua {

namespace {

// At s[i] == '[': the level of a long bracket "[==[" (its '=' count), or -1 if it is not one.
int long_bracket(std::string_view s, std::size_t i) {
    std::size_t j = i + 1;
    while (j < s.size() && s[j] == '=') ++j;
    return j < s.size() && s[j] == '[' ? int(j - i - 1) : -1;
}

struct Scanner {
    std::string_view s;
    std::size_t i = 0;
    int line = 1;

    void step() {
        if (s[i] == '\n') ++line;
        ++i;
    }
    // From the opening "[==[" to past its "]==]".
    void skip_long(int level) {
        i += std::size_t(level) + 2;
        while (i < s.size()) {
            if (s[i] == ']') {
                std::size_t j = i + 1;
                while (j < s.size() && s[j] == '=') ++j;
                if (j < s.size() && s[j] == ']' && int(j - i - 1) == level) {
                    i = j + 1;
                    return;
                }
            }
            step();
        }
    }
    // From the opening quote to past the closing one, or to the end of the line.
    void skip_quoted() {
        const char q = s[i++];
        while (i < s.size() && s[i] != q && s[i] != '\n') {
            if (s[i] == '\\' && i + 1 < s.size()) step();
            step();
        }
        if (i < s.size() && s[i] == q) ++i;
    }
};

// Calls f(sc) at each character of code before line `line`, skipping strings, long strings
// and comments; f moves the scanner on (at least one character).
template <class F>
void each_code_char(std::string_view source, int line, F&& f) {
    Scanner sc{source};
    while (sc.i < source.size() && sc.line < line) {
        const char c = source[sc.i];
        if (c == '-' && sc.i + 1 < source.size() && source[sc.i + 1] == '-') {
            sc.i += 2;
            if (int level = sc.i < source.size() && source[sc.i] == '[' ? long_bracket(source, sc.i) : -1; level >= 0)
                sc.skip_long(level);
            else
                while (sc.i < source.size() && source[sc.i] != '\n') ++sc.i;
        } else if (c == '[' && long_bracket(source, sc.i) >= 0) {
            sc.skip_long(long_bracket(source, sc.i));
        } else if (c == '"' || c == '\'') {
            sc.skip_quoted();
        } else {
            f(sc);
        }
    }
}

bool word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }

} // namespace

std::optional<int> open_brace_before(std::string_view source, int line) {
    std::vector<int> open;
    each_code_char(source, line, [&](Scanner& sc) {
        const char c = sc.s[sc.i];
        if (c == '{') open.push_back(sc.line);
        if (c == '}' && !open.empty()) open.pop_back();
        sc.step();
    });
    if (open.empty()) return std::nullopt;
    return open.back();
}

std::string_view line_of(std::string_view source, int n) {
    std::size_t start = 0;
    for (int i = 1; i < n; ++i) {
        start = source.find('\n', start);
        if (start == std::string_view::npos) return {};
        ++start;
    }
    const auto end = source.find('\n', start);
    return source.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

namespace {

std::string_view trimmed(std::string_view s) {
    const auto a = s.find_first_not_of(" \t\r");
    if (a == std::string_view::npos) return {};
    return s.substr(a, s.find_last_not_of(" \t\r") - a + 1);
}

} // namespace

bool line_starts_with(std::string_view source, int line, char c) {
    const auto t = trimmed(line_of(source, line));
    return !t.empty() && t.front() == c;
}

bool line_starts_field(std::string_view source, int line, std::string_view name) {
    auto t = trimmed(line_of(source, line));
    if (name.empty() || !t.starts_with(name)) return false;
    t.remove_prefix(name.size());
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    return t.starts_with('=') && !t.starts_with("==");
}

int previous_code_line(std::string_view source, int line) {
    for (int n = line - 1; n >= 1; --n) {
        const auto t = trimmed(line_of(source, n));
        if (!t.empty() && !t.starts_with("--")) return n;
    }
    return 0;
}

std::optional<int> open_function_before(std::string_view source, int line) {
    std::vector<std::pair<bool, int>> blocks; // (a function, its line) for each block not yet ended
    each_code_char(source, line, [&](Scanner& sc) {
        if (!word_char(sc.s[sc.i])) return sc.step();
        std::size_t j = sc.i;
        while (j < sc.s.size() && word_char(sc.s[j])) ++j;
        const std::string_view w = sc.s.substr(sc.i, j - sc.i);
        // `end` closes a function, an if, and the do of a for or a while
        if (w == "function" || w == "if" || w == "do") blocks.push_back({w == "function", sc.line});
        else if (w == "end" && !blocks.empty()) blocks.pop_back();
        sc.i = j; // a word holds no line break
    });
    for (auto it = blocks.rbegin(); it != blocks.rend(); ++it)
        if (it->first) return it->second;
    return std::nullopt;
}

} // namespace kvalitet::lua
