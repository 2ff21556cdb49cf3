#pragma once
// VUM (voksenudredningsmetoden): seven themes, each scored 0–4.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "domain/dato.hpp"
#include "kvalitet/export.h"

namespace kvalitet {

struct KVALITET_API Vum {
    static constexpr std::size_t kTemaer = 7;
    static constexpr std::array<std::string_view, kTemaer> tema_ids{
        "praktiske_opgaver", "egenomsorg",  "kommunikation", "mobilitet",
        "samfundsliv",       "socialt_liv", "sundhed"};
    static constexpr std::array<std::string_view, 5> labels{
        "ingen begrænsninger", "lette begrænsninger", "moderate begrænsninger",
        "svære begrænsninger", "fuldstændige begrænsninger"};

    std::optional<Dato> dato;
    std::array<std::int8_t, kTemaer> score{-1, -1, -1, -1, -1, -1, -1}; // -1: not scored

    static std::optional<std::size_t> tema_index(std::string_view id);
    std::optional<int> tema(std::size_t i) const {
        return score[i] < 0 ? std::nullopt : std::optional<int>(score[i]);
    }
    std::optional<int> max() const; // nullopt when no theme is scored
    int sum() const;
    int antal_mindst(int n) const; // themes scored n or more
    int antal_scoret() const;
};

} // namespace kvalitet
