#pragma once
// Where `dokument` and `sammenlign` write: standard output, or the file `--ud` names.
#include <fmt/format.h>

#include <cstdio>
#include <string>
#include <utility>

#include "domain/tekst.hpp"

namespace kvalitet::cli {

// Writes `tekst` to `ud` (standard output when empty or "-"); returns an exit code and
// says on stderr where a file went, or why it could not be written.
int skriv_ud(const std::string& ud, const std::string& tekst, const std::string& hvad);

// fmt::print to standard output for a verb that prints what files and scripts wrote (a
// test's name, a file name, a finding's text): control characters are shown, never sent
// to the terminal.
template <class... A>
void vis_sikkert(fmt::format_string<A...> f, A&&... a) {
    const std::string s = printable(fmt::format(f, std::forward<A>(a)...));
    std::fwrite(s.data(), 1, s.size(), stdout);
}

} // namespace kvalitet::cli
