#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace kvalitet::lua {

// Lua's own (English) error texts in plain Danish, for policy staff: the parser's messages
// as sentences naming what is missing and where it was opened (danish_syntax.cpp), the
// runtime's with the name of the value at fault. Text that is not Lua's passes through.
//
// `chunk` is what the message is about ("municipalities/varde/standard.lua"). Where Lua
// says "near <eof>" a file's message says "ved filens slutning"; any other chunk (the
// REPL's input) keeps "<eof>" in its text: the REPL reads it to know that a line is not
// finished, and never shows it.
std::string danish(std::string_view lua_message, std::string_view chunk = {});

// A message of Lua's parser in Danish; nothing when `message` is not one. `in_file` as
// for danish().
std::optional<std::string> danish_syntax(std::string_view message, bool in_file);

// The one name on a line of script written with æ, ø or å (outside a text in quotes) and how
// it is written in a script: "første_revurdering" -> {"første_revurdering", "foerste_revurdering"};
// nothing when which word is not sure (a long string, two such names, another letter).
std::optional<std::pair<std::string, std::string>> danish_name(std::string_view line);

// A Lua type name (or a userdata's __name) with its article: "en tekst", "et tal".
std::string a_value(std::string_view type);

} // namespace kvalitet::lua
