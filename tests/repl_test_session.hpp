#pragma once
// A REPL session for tests: Varde (or the given municipality) on 2026-11-22, no case store,
// each line's answer as a string; and the example case it loads, as JSON.
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>
#include <string_view>

#include "session.hpp"

namespace kvalitet::test {

inline const std::string kExample = KVALITET_SOURCE_DIR "/docs/eksempler/sag.json";

struct Repl {
    Sources sources = Sources::directory(KVALITET_SOURCE_DIR);
    repl::Session session;
    explicit Repl(const std::string& kommune = "varde")
        : session(sources, kommune, *Dato::parse("2026-11-22"), "/nonexistent/kvalitet-test.db", [](std::string_view) {}) {}
    std::string operator()(std::string_view line) { return session.handle_line(line); }
};

inline nlohmann::json example() {
    std::ifstream in(kExample);
    return nlohmann::json::parse(in);
}

} // namespace kvalitet::test
