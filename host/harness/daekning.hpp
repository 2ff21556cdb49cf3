#pragma once
// Rule coverage: for each declared rule, which of its possible outcomes the tests reached.
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/vurdering.hpp"
#include "engine/standard.hpp"

namespace kvalitet::harness {

// The outcomes a rule can have ("opfyldt", "ikke_opfyldt", "ukendt", "kommende", …): the
// tokens the engine writes as `udfald` in the trace. A constant activity has one.
std::vector<std::string_view> possible_outcomes(const Rule& r);

class Daekning {
public:
    void record(const Vurdering& v);

    struct Linje {
        std::string art, id, kilde;
        std::vector<std::pair<std::string, bool>> udfald; // outcome, reached
        bool afproevet = false;                             // any outcome reached
    };
    // One line per rule of `standard`, in evaluation order.
    std::vector<Linje> report(const Standard& standard) const;

private:
    std::map<std::string, std::set<std::string>, std::less<>> seen_; // rule id -> outcomes
};

} // namespace kvalitet::harness
