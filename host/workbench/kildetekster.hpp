#pragma once
// The Lua files a loaded standard was made from (its own and stdlib's), each read and
// scanned once, and where each declaration of the standard is written in them.
#include <map>
#include <string>

#include "engine/standard.hpp"
#include "workbench/lua_tekst.hpp"

namespace kvalitet::workbench {

class Kildetekster {
public:
    explicit Kildetekster(const Standard& standard) : standard_(standard) {}

    // The scanned file (a path as the standard names it, "stdlib/sel85.lua"); empty when
    // it cannot be read.
    const LuaTekst& fil(const std::string& fil);
    const std::string& raa(const std::string& fil); // the text as it is

    // Lines of a rule's declaration (`art { … }`) and of a parameter's `navn = { … }`.
    Spaend spaend(const Rule& r);
    Spaend spaend(const Parameter& p);

    // Every file a rule or parameter of the standard is declared in, sorted.
    std::vector<std::string> filer() const;

    const Standard& standard() const { return standard_; }

private:
    const Standard& standard_;
    std::map<std::string, std::string> raa_;
    std::map<std::string, LuaTekst> scannet_;
};

} // namespace kvalitet::workbench
