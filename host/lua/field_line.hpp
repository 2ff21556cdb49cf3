#pragma once
// Where a field of a declaration is written. A Lua table does not remember the lines of
// its fields, so an error about one field (an unknown name, a wrong value) would otherwise
// point at the declaration's first line; this reads the script's text instead.
#include <span>
#include <string_view>

namespace kvalitet::lua {

// The line of the field `path[0]` in the first table constructor opened on line
// `from_line` of `source` (a Lua chunk's text), and for a longer path the line of
// `path[1]` inside the constructor that is `path[0]`'s value, and so on. Keys count as
// written `name = …` or `["name"] = …` directly in that constructor, not inside a function
// body or a nested table. 0 when the path is not written there (a declaration built from a
// variable, a field set by a loop): the caller falls back to the declaration's line.
int field_line(std::string_view source, int from_line, std::span<const std::string_view> path);

} // namespace kvalitet::lua
