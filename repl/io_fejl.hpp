#pragma once
// What went wrong reading or writing, in Danish ("disken er fuld"), from errno.
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace kvalitet::cli {

// Standard output could not be written: nothing more can be said there.
struct UdskriftFejl : std::runtime_error {
    using std::runtime_error::runtime_error;
};

inline std::string io_fejl(int err) {
    switch (err) {
    case ENOSPC: return "disken er fuld";
    case EISDIR: return "det er en mappe, ikke en fil";
    case EPIPE: return "modtageren har lukket forbindelsen";
    case EACCES: return "ingen adgang";
    case EIO: return "læse- eller skrivefejl på enheden";
    case ENOENT: return "filen findes ikke";
    default: return fmt::format("systemfejl {} ({})", err, std::strerror(err));
    }
}

// The one message for output that could not be written, from errno.
inline std::string skrivefejl(int err) { return fmt::format("kan ikke skrive uddata: {}", io_fejl(err)); }

} // namespace kvalitet::cli
