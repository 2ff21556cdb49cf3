#pragma once
// Lua values as JSON and back, for the REPL: `:json UDTRYK`, `:vurder UDTRYK` and
// med(sag, {...}). The conventions are the test files' (docs/test.md): a table with keys
// 1..n is a list and `{}` an empty one, `ukendt` is null, a date is "ÅÅÅÅ-MM-DD". A case
// view converts through its fields, and the case view itself to the case as the session
// holds it, exactly.
//
// Both run inside a protected call only: reading a view may raise (a view kept from an
// earlier case), and so may a value that has no JSON form (a function).
#include <lua.h>
#include <nlohmann/json.hpp>

namespace kvalitet::repl {

using Json = nlohmann::ordered_json;

// `sag`: the session's case (what the case view stands for), or nullptr when none.
Json lua_til_json(lua_State* L, int index, const Json* sag);

// Pushes `j` as a Lua table (null as `ukendt`).
void json_til_lua(lua_State* L, const Json& j);

} // namespace kvalitet::repl
