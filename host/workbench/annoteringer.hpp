#pragma once
// The editor annotations (LuaLS, annotations/ at the repository root): what a standard
// script sees, as the host knows it. The case part is generated from the case views' own
// field tables (host/bind/sag_lua.cpp); the DSL part is written by hand, and the test
// holds both to the names read here.
#include <map>
#include <string>
#include <vector>

namespace kvalitet {
class Standard;
}

namespace kvalitet::workbench {

struct AnnotationFelt {
    std::string navn;
    std::string type;    // LuaLS type: "Dato", "integer", "string", "Sag.Borger", "Sag.Leverance[]"
    bool metode = false; // called with ':' (sag.vum:max())
    bool altid = false;  // a sub-object or a list: never nil
};

struct AnnotationKlasse {
    std::string navn; // "Sag", "Sag.Borger", …
    std::vector<AnnotationFelt> felter;
};

// Every class of the case view reachable from `sag`, fields in the host's order, types
// read from a case that has every field. `standard` is any loaded standard.
std::vector<AnnotationKlasse> sag_klasser(Standard& standard);

// The names every standard script sees beside its own locals (the sandbox's base
// environment: Lua's safe subset, the domain types, the DSL), sorted.
std::vector<std::string> globale_navne(Standard& standard);

// Each declaration's fields as the DSL checks them (dsl/erklaeringer.lua).
std::map<std::string, std::vector<std::string>> erklaering_felter(Standard& standard);

// annotations/sag.lua: the generated case classes.
std::string sag_annotationer(const std::vector<AnnotationKlasse>& klasser);

} // namespace kvalitet::workbench
