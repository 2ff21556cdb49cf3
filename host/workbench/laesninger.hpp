#pragma once
// Which parameters the rules read, found by scanning the script text (not by running it):
// a read is `P.navn` or `P["navn"]`, where P is the name a file gives the table that
// `parametre { }` returns (`local P = parametre { … }`). Code inside a national
// declaration that the municipality replaced does not run, so it reads nothing. The host
// itself reads one national parameter (fysisk_post_hverdage, when a frist starts at the
// decision's receipt); that read counts too.
#include <map>
#include <string>
#include <vector>

#include "workbench/erstattede.hpp"
#include "workbench/kildetekster.hpp"

namespace kvalitet::workbench {

struct Sted {
    std::string fil;
    int linje = 0;
};

class Parameterlaesninger {
public:
    explicit Parameterlaesninger(Kildetekster& kilder);

    // Where `navn` is read (empty: never).
    const std::vector<Sted>& af(const std::string& navn) const;
    // Every name read as a parameter, declared or not, with where.
    const std::map<std::string, std::vector<Sted>>& alle() const { return reads_; }
    // The parameters named within lines `s` of `fil`, in order of first mention.
    std::vector<std::string> i(const std::string& fil, Spaend s) const;

private:
    std::map<std::string, std::vector<Sted>> reads_;
};

} // namespace kvalitet::workbench
