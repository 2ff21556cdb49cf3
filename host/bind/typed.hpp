#pragma once
// Userdata the bindings make and check on nearly every rule (dates, the VUM view, the case
// lists), recognised by the address of their metatable. A lookup by name
// (luaL_setmetatable, luaL_testudata, luaL_checkudata) hashes the name and reads the
// registry every time: a few hundred instructions, called thousands of times a second.
#include <lua.h>

#include <cstddef>

namespace kvalitet::bind {

// Slots in lua::Host::types, one per kind of userdata.
enum class Typed : std::size_t {
    Dato, Varighed, Vum, Ydelser, Aktiviteter, Opfoelgninger, Leverancer, Afbud,
    // an element of a list
    YdelseElement, OpfoelgningElement, LeveringElement, AfbudElement
};

// After the metatable `name` is registered: remember it under `slot` in this state.
void remember_type(lua_State* L, const char* name, Typed slot);
// The userdata at `index` when its metatable is the one remembered, else nullptr.
void* to_typed(lua_State* L, int index, Typed slot);
// Sets the remembered metatable on the value at the top of the stack.
void set_typed_metatable(lua_State* L, Typed slot);

} // namespace kvalitet::bind
