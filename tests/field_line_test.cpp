// Finding the line a declaration's field is written on, from the script's text.
#include <catch2/catch.hpp>

#include <initializer_list>
#include <string_view>
#include <vector>

#include "lua/field_line.hpp"

using kvalitet::lua::field_line;

namespace {
int line_of(std::string_view source, int from, std::initializer_list<std::string_view> path) {
    const std::vector<std::string_view> p(path);
    return field_line(source, from, p);
}
} // namespace

TEST_CASE("a field's line in the constructor that starts on the declaration's line") {
    constexpr std::string_view src =
        "brug \"stdlib.sel85\"\n"        // 1
        "pakke {\n"                      // 2
        "  id = \"p\", tekst = \"P\",\n" // 3
        "  naar = function(sag)\n"       // 4
        "    local kriterie = 1\n"       // 5: a local inside a function, not a field
        "    if kriterie == 1 then return { kriterie = 2 } end\n" // 6
        "  end,\n"                                                // 7
        "  -- kriterie = 'i en kommentar'\n"                      // 8
        "  note = [[\n kriterie = 'i en lang tekst'\n]],\n"       // 9-11
        "  [\"kriterie\"] = \"her\",\n"                           // 12
        "}\n"                                                     // 13
        "pakke { kriterie = 'næste' }\n";                         // 14
    CHECK(line_of(src, 2, {"id"}) == 3);
    CHECK(line_of(src, 2, {"tekst"}) == 3);
    CHECK(line_of(src, 2, {"naar"}) == 4);
    CHECK(line_of(src, 2, {"note"}) == 9);
    CHECK(line_of(src, 2, {"kriterie"}) == 12);
    CHECK(line_of(src, 14, {"kriterie"}) == 14);
    CHECK(line_of(src, 2, {"findes_ikke"}) == 0); // not past the constructor's end
}

TEST_CASE("a path descends into the constructor that is the field's value") {
    constexpr std::string_view src = "local P = parametre {\n"                              // 1
                                     "  dagtimer = {\n"                                     // 2
                                     "    vaerdi = { fra = \"08:00\", til = \"16:00\" },\n" // 3
                                     "    tekst = 'T',\n"                                   // 4
                                     "  },\n"                                               // 5
                                     "  interval = { tekst = 'I',\n"                        // 6
                                     "    vaerdi = 12 },\n"                                 // 7
                                     "}\n";
    CHECK(line_of(src, 1, {"dagtimer"}) == 2);
    CHECK(line_of(src, 1, {"dagtimer", "vaerdi"}) == 3);
    CHECK(line_of(src, 1, {"dagtimer", "tekst"}) == 4);
    CHECK(line_of(src, 1, {"interval", "vaerdi"}) == 7);
    CHECK(line_of(src, 1, {"dagtimer", "vaerdi", "til"}) == 3);
    CHECK(line_of(src, 1, {"interval", "enhed"}) == 6); // not written: the parameter's own line
    CHECK(line_of(src, 1, {"tekst"}) == 0);             // only keys of the outer constructor count
}

TEST_CASE("no constructor on the declaration's line: no line") {
    constexpr std::string_view src = "parametre(p)\nkrav { tekst = 'x' }\n";
    CHECK(line_of(src, 1, {"tekst"}) == 0);
    CHECK(line_of(src, 9, {"tekst"}) == 0);
    CHECK(line_of("", 1, {"x"}) == 0);
    CHECK(line_of("krav {", 1, {"x"}) == 0); // unfinished text ends the search
    CHECK(line_of("krav { x = 'uafsluttet", 1, {"x"}) == 1);
}

TEST_CASE("line ends as Lua counts them, and escaped quotes inside strings") {
    CHECK(line_of("krav {\r\n  a = 1,\r\n  b = 2 }", 1, {"b"}) == 3);
    CHECK(line_of("krav {\r  a = 1,\r  b = 2 }", 1, {"b"}) == 3);
    CHECK(line_of("krav { a = 'x\\', b = 1',\n b = 2 }", 1, {"b"}) == 2);
    CHECK(line_of("krav { a = 1e-5, b = 2 }", 1, {"b"}) == 1);
}
