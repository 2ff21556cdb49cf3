#include "lua/danish.hpp"

#include <array>
#include <utility>

namespace kvalitet::lua {

namespace {
// Longest, most specific phrases first: replacement is in this order.
constexpr std::array<std::pair<std::string_view, std::string_view>, 30> kPhrases{{
    {"attempt to index a nil value", "kan ikke slå op i en værdi, der ikke findes (nil)"},
    {"attempt to index a ", "kan ikke slå op i en værdi af typen "},
    {"attempt to call a nil value", "kan ikke kalde noget, der ikke findes (nil)"},
    {"attempt to call a ", "kan ikke kalde en værdi af typen "},
    {"attempt to perform arithmetic on a nil value", "kan ikke regne med en værdi, der ikke findes (nil)"},
    {"attempt to perform arithmetic on a ", "kan ikke regne med en værdi af typen "},
    {"attempt to concatenate a nil value", "kan ikke sætte tekst sammen med en værdi, der ikke findes (nil)"},
    {"attempt to concatenate a ", "kan ikke sætte tekst sammen med en værdi af typen "},
    {"attempt to compare two ", "kan ikke sammenligne to værdier af typen "},
    {"attempt to compare ", "kan ikke sammenligne "},
    {"attempt to get length of a ", "kan ikke tage længden af en værdi af typen "},
    {"attempt to load a binary chunk (mode is 't')", "forkompileret (binær) kode afvises; kun tekst er tilladt"},
    {"C stack overflow", "for dyb rekursion (stakken er fuld)"},
    {"stack overflow", "for dyb rekursion (stakken er fuld)"},
    {"number has no integer representation", "tallet er ikke et heltal"},
    {"bad argument #", "forkert argument nr. "},
    {"unexpected symbol near", "uventet tegn nær"},
    {"' expected (to close '", "' mangler (for at afslutte '"},
    {"' at line ", "' på linje "},
    {"' expected near", "' mangler nær"},
    {"unfinished string near", "uafsluttet tekst nær"},
    {"unfinished long string", "uafsluttet lang tekst"},
    {"malformed number near", "ugyldigt tal nær"},
    {" expected, got ", " forventet, fik "},
    {"got no value", "fik ingen værdi"},
    {"resulting string too large", "teksten bliver for stor"},
    {"error in error handling", "fejl under fejlhåndtering (for dyb rekursion?)"},
    {" (field '", " (felt '"},
    {" (local '", " (lokal variabel '"},
    {" (method '", " (metode '"},
}};
} // namespace

std::string danish(std::string_view message) {
    std::string out(message);
    for (const auto& [en, da] : kPhrases) {
        for (std::size_t p = out.find(en); p != std::string::npos; p = out.find(en, p + da.size()))
            out.replace(p, en.size(), da);
    }
    // "attempt to compare nil with number": only there is " with " Lua's word.
    if (out.rfind("kan ikke sammenligne ", 0) == 0)
        if (auto p = out.find(" with "); p != std::string::npos) out.replace(p, 6, " med ");
    return out;
}

} // namespace kvalitet::lua
