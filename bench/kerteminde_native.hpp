#pragma once
// Group 3 of bench/README.md: Kerteminde's rules hand-written in C++ against the Sag type,
// the floor a full assessment is compared with. No Lua, no trace, no texts: only what
// the assessment decides, in the shape bench/host_overhead.cpp compares all three in.
#include <optional>
#include <string_view>
#include <vector>

#include "domain/frist.hpp"
#include "domain/sag.hpp"

namespace kvalitet::bench {

struct Afgoerelser {
    struct Frist {
        std::string_view id;
        Dato dato;
        FristStatus status;
        bool operator==(const Frist&) const = default;
    };
    std::optional<bool> i_maalgruppe;
    int pakke = 0; // 1–6; 0: none
    std::vector<std::optional<bool>> aktiviteter; // omfattet, per applied activity
    std::vector<Frist> frister;
    std::vector<std::string_view> advarsler; // ids, sorted before comparing
    bool operator==(const Afgoerelser&) const = default;
};

Afgoerelser kerteminde_native(const Sag& sag, Dato dato);

} // namespace kvalitet::bench
