// The workbench's reading of Lua text: tokens and comments with their lines, the extent of
// a declaration, the value of one of its fields.
#include <catch2/catch.hpp>

#include "workbench/lua_tekst.hpp"

using namespace kvalitet::workbench;

namespace {

std::vector<std::string> texts(std::span<const Token> ts) {
    std::vector<std::string> out;
    for (const auto& t : ts) out.push_back(t.tekst);
    return out;
}

} // namespace

TEST_CASE("lua_tekst: strings and comments hide what looks like code, lines are counted through them") {
    const auto t = scan_lua("local a = \"P.x -- ikke\" -- P.y\n"
                            "--[[ lang\nkommentar P.z ]] local b = [==[\nP.w]==]\n"
                            "c = 'a\\'b' .. 1e-3\n");
    REQUIRE(t.kommentarer.size() == 2);
    CHECK(t.kommentarer[0].linje == 1);
    CHECK_FALSE(t.kommentarer[0].alene);
    CHECK(t.kommentarer[0].tekst == " P.y");
    CHECK(t.kommentarer[1].linje == 2);
    CHECK(t.kommentarer[1].slut == 3);
    CHECK(t.kommentarer[1].alene);
    std::vector<std::string> names;
    for (const auto& tok : t.tokens)
        if (tok.art == Token::Art::Navn) names.push_back(tok.tekst + "@" + std::to_string(tok.linje));
    CHECK(names == std::vector<std::string>{"local@1", "a@1", "local@3", "b@3", "c@5"});
    const auto& last = t.tokens.back();
    CHECK(last.art == Token::Art::Tal);
    CHECK(last.tekst == "1e-3");
    CHECK(t.tokens[t.tokens.size() - 3].tekst == "a'b");
}

TEST_CASE("lua_tekst: a declaration's lines and its fields' values") {
    const std::string src = "frist {\n"
                            "  id = \"x\", fra = function(sag) return sag.bevilling.start end,\n"
                            "  varighed = function()\n"
                            "    if true then return uger(2) end\n"
                            "    return { a = 1 }\n"
                            "  end,\n"
                            "  opfyldt_ved = \"klage.genvurderet\",\n"
                            "}\n"
                            "krav { id = \"y\" }\n";
    const auto t = scan_lua(src);
    CHECK(constructor_span(t, 1, "frist").til == 8);
    CHECK(constructor_span(t, 9, "krav").til == 9);
    CHECK(constructor_span(t, 2, "frist").til == 2); // nothing opens there: the line alone
    CHECK(texts(field_value(t, 1, "frist", "opfyldt_ved")) == std::vector<std::string>{"klage.genvurderet"});
    const auto fra = field_value(t, 1, "frist", "fra");
    CHECK(texts(fra).front() == "function");
    CHECK(texts(fra).back() == "end");
    const std::string_view known[] = {"bevilling.start", "klage.modtaget"};
    CHECK(named_paths(fra, known) == std::vector<std::string>{"bevilling.start"});
    // a nested table and an `if … end` inside the function do not end the value early
    const auto varighed = texts(field_value(t, 1, "frist", "varighed"));
    CHECK(varighed.size() == 19);
    CHECK(varighed.back() == "end");
    CHECK(field_value(t, 1, "frist", "a").empty()); // not a field of the declaration itself
}
