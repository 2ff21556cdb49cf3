#pragma once
// docs/eksempler/sag.json, the contract's example case, as its text.
#include <fstream>
#include <sstream>
#include <string>

inline std::string example_case() {
    std::ifstream in(KVALITET_SOURCE_DIR "/docs/eksempler/sag.json", std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
