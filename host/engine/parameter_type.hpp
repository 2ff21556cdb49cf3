#pragma once
// A parameter's type: what kind of value a standard's named number, list or text must be.
// Declared (`type = "tal"`) or inferred from the value; checked when the standard loads,
// so "12" where a number belongs is the parameter's error, not a rule's puzzle later.
// The DSL calls the check as the script declares its parameters (_vaert.parametertype);
// the host calls the same check again on its own copy.
#include <lua.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace kvalitet {

enum class ParameterType { Tal, Heltal, Talliste, Tekst, Dato, JaNej, Tidsrum, Varighed, Tabel };

// The names a script writes: "tal", "heltal", "talliste", "tekst", "dato", "ja_nej",
// "tidsrum", "varighed", "tabel".
std::span<const std::string_view> parameter_type_names();
std::string_view parameter_type_name(ParameterType t);
std::optional<ParameterType> parameter_type(std::string_view name);

// The type a value shows: a whole number is "heltal", a list of numbers "talliste", a
// "ÅÅÅÅ-MM-DD" text "dato", { fra = "TT:MM", til = "TT:MM" } "tidsrum", any other table
// "tabel". Nothing for a value no type fits (a function).
std::optional<ParameterType> infer_parameter_type(lua_State* L, int index);

// Why the value at `index` is not of type `t`, as the rest of a sentence that starts with
// the parameter's name: `skal være et tal (måneder), men er teksten "12"`. `enhed` (may be
// empty) is the unit the standard counts in. Nothing when the value fits. Reads a frozen
// table's contents; pushes nothing.
std::optional<std::string> parameter_type_problem(lua_State* L, int index, ParameterType t,
                                                  std::string_view enhed);

// Number of values in a list parameter (a table's sequence), frozen or not.
std::size_t parameter_list_size(lua_State* L, int index);

} // namespace kvalitet
