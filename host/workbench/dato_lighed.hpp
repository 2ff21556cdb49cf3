#pragma once
// `sag.klage.modtaget == "2026-11-20"`: == and ~= between one of the case's dates and a text
// or a number, always false (true), without an error. Found in Lua text (tjek_datoer.cpp);
// tjek reports it as [dato_lighed], and the REPL warns before it shows the answer.
#include <string>
#include <vector>

#include "workbench/lua_tekst.hpp"

namespace kvalitet::workbench {

struct DatoLighed {
    int linje = 0;
    std::string besked, forslag;
};

std::vector<DatoLighed> dato_ligheder(const std::vector<Token>& tokens);

} // namespace kvalitet::workbench
