// Fuzz target: the REPL's line handler. Each input line goes to Session::handle_line as a
// caseworker's typing would: Lua, meta-commands, half statements. Whatever comes, the
// session answers and stays usable; nothing may abort.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "session.hpp"

using namespace kvalitet;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Sources sources = Sources::embedded();
    // Small budgets: under ASan a line filling 256 MiB, or running 30 s, would be a timeout
    // of libFuzzer's rather than a finding.
    repl::Session session(sources, "varde", *Dato::parse("2026-11-22"), "", [](std::string_view) {},
                          {.memory_bytes = 32u << 20, .time = std::chrono::milliseconds(200)},
                          std::chrono::milliseconds(500));
    std::string_view input(reinterpret_cast<const char*>(data), size);
    for (int lines = 0; lines < 64 && !input.empty() && !session.ended(); ++lines) {
        const auto end = input.find('\n');
        session.handle_line(input.substr(0, end));
        input = end == std::string_view::npos ? std::string_view() : input.substr(end + 1);
    }
    // Still usable afterwards (unless the input left its memory at the cap or its time run out).
    if (!session.ended()) {
        session.cancel_input();
        const std::string out = session.handle_line("1 + 1");
        FUZZ_CHECK(out.find('2') != std::string::npos || out.find("hukommelse") != std::string::npos ||
                       out.find("kørte længere") != std::string::npos,
                   "sessionen svarer ikke længere på 1 + 1");
    }
    return 0;
}
