#pragma once
// Where a table was opened and not closed, read from the script's text. Lua's parser says
// "unexpected symbol near 'end'" when a `}` is forgotten before the next keyword (a
// `pakke { … }` inside a for loop); it does not say which table. A policy officer needs
// the line of that `{`.
#include <optional>
#include <string_view>

namespace kvalitet::lua {

// The line of the innermost `{` still open where line `line` begins, skipping strings,
// long strings and comments; nothing when every `{` before it is closed.
std::optional<int> open_brace_before(std::string_view source, int line);

// The line of the innermost `function` still without its `end` where line `line` begins
// (counting the ends of if, for and while too); nothing when every one is ended.
std::optional<int> open_function_before(std::string_view source, int line);

// Whether line `line`'s first character that is not a space is `c`.
bool line_starts_with(std::string_view source, int line, char c);
// Whether line `line` begins with a field of a table: `name =` (not `name ==`).
bool line_starts_field(std::string_view source, int line, std::string_view name);
// The nearest line before `line` with code (not blank, not only a comment), or 0.
int previous_code_line(std::string_view source, int line);
// Line n (1-based) of `source`, without its line break; empty past the end.
std::string_view line_of(std::string_view source, int n);

} // namespace kvalitet::lua
