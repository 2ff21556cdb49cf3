#pragma once
// Text a script hands the host ends up in JSON, in a terminal and in a database: it must be
// valid UTF-8, free of control characters (an ANSI escape would repaint a caseworker's
// terminal) and of bounded size. One check for all of it.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kvalitet {

// Longest text a declaration may give (tekst, kilde, beskrivelse …).
inline constexpr std::size_t kMaxDeclarationText = 16 * 1024;

// What is wrong with `s`, in Danish (e.g. "teksten er ikke gyldig UTF-8 (byte 12)"), or
// nothing. Newline and tab are allowed; other control characters, C0 and C1, are not.
std::optional<std::string> text_problem(std::string_view s, std::size_t max_bytes);

// Whether `s` is valid UTF-8 (control characters allowed): text JSON can carry as it is.
bool valid_utf8(std::string_view s);

// `s` with every control character but newline and tab shown as \u{XX}, and invalid UTF-8 bytes as
// \x{XX}: for printing text that came from outside (a case id) to a terminal.
std::string printable(std::string_view s);
// printable(), on one line: newline and tab shown too, for an id in a line-oriented report.
std::string printable_line(std::string_view s);

// The first `n` bytes of `s`, or fewer so as not to end inside a UTF-8 character: for cutting
// a text short in a message or a trace.
std::string_view utf8_prefix(std::string_view s, std::size_t n);

} // namespace kvalitet
