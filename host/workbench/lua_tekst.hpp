#pragma once
// A standard's Lua text as tokens and comments, with their lines: what the workbench reads
// when the loaded standard cannot tell (which parameters a rule names, which `forhold` a
// function reads, the comment that explains an assumption, where a declaration ends).
// Just enough of Lua's lexer for that; it never runs anything.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kvalitet::workbench {

struct Token {
    enum class Art { Navn, Tekst, Tal, Tegn };
    Art art = Art::Tegn;
    std::string tekst; // a name, a string's contents (escapes resolved), a number, a symbol
    int linje = 0;
};

// Is `t` this kind of token with this text (`is(t, Token::Art::Tegn, "(")`)?
inline bool is(const Token& t, Token::Art art, std::string_view text) { return t.art == art && t.tekst == text; }

struct Kommentar {
    int linje = 0, slut = 0; // first and last line (a long comment spans several)
    std::string tekst;       // without the leading "--" (and brackets)
    bool alene = false;      // nothing but the comment on its first line
};

struct LuaTekst {
    std::vector<Token> tokens;
    std::vector<Kommentar> kommentarer;
};

LuaTekst scan_lua(std::string_view source);

// The largest source the workbench reads as tokens. A token costs ~50 bytes beside its byte
// of source (a file of commas was 56 times its size); standards are tens of KB. A larger one
// is refused by name (too_large_to_read), not read into gigabytes.
constexpr std::size_t kMaxScannet = 2u << 20;
// Throws InputError ("FIL: filen er N MB; en standards kildetekst læses højst til 2 MB") for
// a source of `bytes` past kMaxScannet; read_to_limit: the reading stopped there, so the
// file is only known to be larger ("over 2 MB").
void check_scannable(std::string_view fil, std::size_t bytes, bool read_to_limit = false);

// Lines [fra, til] of the table constructor that begins on line `linje` right after
// `foran` (a declaration's word, "aktivitet", or a parameter's name followed by "="): from
// `linje` to the line of its closing brace. {linje, linje} when nothing like it is there
// (a declaration built from a variable).
struct Spaend {
    int fra = 0, til = 0;
    bool indeholder(int linje) const { return linje >= fra && linje <= til; }
};
Spaend constructor_span(const LuaTekst& t, int linje, std::string_view foran);

// The tokens of the value of `felt = …` written directly in that constructor (up to the
// comma or brace that ends it); empty when the field is not written there.
std::span<const Token> field_value(const LuaTekst& t, int linje, std::string_view foran, std::string_view felt);

// The date paths ("bevilling.start") a stretch of code names as `x.y` (after `sag.` or not),
// among `known`, in order of first mention.
std::vector<std::string> named_paths(std::span<const Token> code, std::span<const std::string_view> known);

} // namespace kvalitet::workbench
