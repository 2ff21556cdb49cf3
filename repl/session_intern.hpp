#pragma once
// What the session's own files (session.cpp, session_sag.cpp, session_fuldfoer.cpp) share.
#include <span>
#include <string>
#include <string_view>

namespace kvalitet::repl::intern {

inline std::string trim(std::string_view s) {
    const auto a = s.find_first_not_of(" \t\r\n");
    if (a == std::string_view::npos) return {};
    const auto b = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(a, b - a + 1));
}

// The meta-commands, for :hjaelp's order and for completion.
std::span<const char* const> meta_commands();

// What `sag` says before a case is loaded.
inline constexpr std::string_view kIngenSag = "ingen sag indlæst — brug :sag FIL|ID";

} // namespace kvalitet::repl::intern
