#pragma once
// Pakke: a service package a standard declares (id, name, hours per period, criteria).
#include <string>

namespace kvalitet {

struct Pakke {
    std::string id;
    std::string navn;
    double timer = 0;           // hours per period
    std::string periode = "uge"; // "uge" or "maaned"
    std::string kriterier;      // the selection criteria as the standard words them
    std::string kilde;
};

} // namespace kvalitet
