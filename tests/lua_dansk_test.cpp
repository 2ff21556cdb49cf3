// Lua's parser and runtime messages in Danish (issue 20): for each kind, a small script that
// triggers it and the whole message a policy officer then reads.
#include <catch2/catch.hpp>

#include <string>

#include "lua/danish.hpp"
#include "lua/state.hpp"
#include "sandbox.hpp"

using kvalitet::ScriptError;
namespace lua = kvalitet::lua;
namespace sandbox = kvalitet::sandbox;

namespace {

// The message of compiling `code` as the file standard.lua.
std::string parse_error(const std::string& code) {
    lua::State s;
    try {
        s.load(code, "@standard.lua");
    } catch (const ScriptError& e) {
        CHECK(e.kind() == ScriptError::Kind::Syntax);
        return e.what();
    }
    return "(ingen fejl)";
}

// The message of running `code` in the sandbox as the file standard.lua.
std::string run_error(const std::string& code) {
    const auto sources = kvalitet::Sources::directory(KVALITET_SOURCE_DIR "/tests/fixtures");
    lua::State s;
    sandbox::open(s, sources);
    try {
        sandbox::load(s, code, "@standard.lua", sandbox::Env::Standard);
        s.call(0, 0);
    } catch (const ScriptError& e) {
        return e.what();
    }
    return "(ingen fejl)";
}

std::string lines(int n) {
    return std::string(std::size_t(n), '\n');
}

struct Kind {
    const char* name;
    std::string code;
    std::string message;
};

} // namespace

TEST_CASE("the parser's messages are Danish, one kind at a time") {
    // A table not closed, as in the issue: opened in line 69, noticed at line 82.
    const std::string unclosed_table = lines(68) +
                                       "betingelse {\n  id = 'x', tekst = 'X', kilde = 'K'\n" +
                                       lines(11) + "udelukkelse { id = 'y' }\n";
    std::string locals;
    for (int i = 0; i < 201; ++i)
        locals += "local a" + std::to_string(i) + " = 1\n";
    std::string call = "local t = {}\nt.f(1";
    for (int i = 0; i < 300; ++i)
        call += ", 1";
    call += ")\n";

    const Kind kinds[] = {
        {"'}' not closed over lines", unclosed_table,
         "standard.lua:82: '}' mangler — tabellen åbnet i linje 69 er ikke lukket (før "
         "'udelukkelse')"},
        // The next line goes on with a field of the same table: the comma is what is missing.
        {"'}' over lines, the next line a field: a comma left out at the line's end",
         "betingelse {\n  id = 'x',\n  kilde = 'K'\n\n  tekst = 'X',\n}\n",
         "standard.lua:5: mangler der et komma i slutningen af linje 3? Ellers mangler '}': tabellen åbnet i "
         "linje 1 er ikke lukket (før 'tekst')"},
        {"'}' over lines, the next line a comparison: no comma guessed", "t = {\n  a = 1\n  b == 2\n}\n",
         "standard.lua:3: '}' mangler — tabellen åbnet i linje 1 er ikke lukket (før 'b')"},
        // the word and how it is written: a policy officer was told the rule, not the word
        {"æ in a name", "local afgørelse = 1",
         "standard.lua:1: 'afgørelse': et navn kan kun have bogstaverne a-z, tal og _, ikke æ, ø, å eller andre tegn: "
         "skriv æ som ae, ø som oe og å som aa (f.eks. afgoerelse_dato); i en tekst i anførselstegn må de gerne stå; "
         "her: afgoerelse"},
        {"ø in a field name, after a text with Danish letters", "x = f('første', sag.bevilling.opfølgning)",
         "standard.lua:1: 'opfølgning': et navn kan kun have bogstaverne a-z, tal og _, ikke æ, ø, å eller andre tegn: "
         "skriv æ som ae, ø som oe og å som aa (f.eks. afgoerelse_dato); i en tekst i anførselstegn må de gerne stå; "
         "her: opfoelgning"},
        {"two names with Danish letters: which one is not sure", "local første = brøk",
         "standard.lua:1: et navn kan kun have bogstaverne a-z, tal og _, ikke æ, ø, å eller andre tegn: skriv æ "
         "som ae, ø som oe og å som aa (f.eks. afgoerelse_dato); i en tekst i anførselstegn må de gerne stå"},
        {"a long string on the line: no word named", "local x = [[første gang]] .. brøk",
         "standard.lua:1: et navn kan kun have bogstaverne a-z, tal og _, ikke æ, ø, å eller andre tegn: skriv æ "
         "som ae, ø som oe og å som aa (f.eks. afgoerelse_dato); i en tekst i anførselstegn må de gerne stå"},
        {"another letter outside ASCII: the rule alone", "local naïve = 1",
         "standard.lua:1: et navn kan kun have bogstaverne a-z, tal og _, ikke æ, ø, å eller andre tegn: skriv æ "
         "som ae, ø som oe og å som aa (f.eks. afgoerelse_dato); i en tekst i anførselstegn må de gerne stå"},
        {"= for == in an if", "if x = 1 then end",
         "standard.lua:1: 'then' mangler (før '=') — skriv == for at sammenligne (= giver en værdi)"},
        {"= for == in a while", "while x = 1 do end",
         "standard.lua:1: 'do' mangler (før '=') — skriv == for at sammenligne (= giver en værdi)"},
        {"'}' on one line: a comma left out", "betingelse { id = 'x' tekst = 'X' }",
         "standard.lua:1: '}' mangler (før 'tekst') — mangler der et komma?"},
        {"')' on one line: a comma left out", "f(a b)",
         "standard.lua:1: ')' mangler (før 'b') — mangler der et komma?"},
        {"'end' of a function at the end of the file", "function f()\n  return 1\n",
         "standard.lua:3: 'end' mangler — funktionen fra linje 1 er ikke afsluttet (ved filens "
         "slutning)"},
        {"'end' of a for loop", "for i = 1, 2 do\n  x = i\n",
         "standard.lua:3: 'end' mangler — 'for'-løkken fra linje 1 er ikke afsluttet (ved filens "
         "slutning)"},
        {"'end' on one line", "if x then", "standard.lua:1: 'end' mangler (ved filens slutning)"},
        {"')' at the end", "x = (1", "standard.lua:1: ')' mangler (ved filens slutning)"},
        {"']' at the end", "x = t[1", "standard.lua:1: ']' mangler (ved filens slutning)"},
        {"'until'", "repeat x = 1", "standard.lua:1: 'until' mangler (ved filens slutning)"},
        {"unexpected sign", "local x = = 2", "standard.lua:1: uventet tegn '='"},
        {"unexpected word", "return return", "standard.lua:1: uventet ord 'return'"},
        // A pakke's '}' forgotten inside a for loop: Lua only sees the loop's 'end'. Braces in
        // strings and comments do not count.
        {"unexpected word in a table not closed",
         "for n = 1, 2 do\n  pakke {\n    id = 'p' .. n, tekst = '{', -- }\n    naar = function() return true end,\nend\n",
         "standard.lua:5: uventet ord 'end' — mangler der en '}'? Tabellen åbnet i linje 2 er ikke lukket"},
        // A one-line function without its 'end' before the table's '}': the function is what
        // is unfinished, not the table (whose '}' is right there). ends of if and for count.
        {"unexpected '}' after a one-line function without 'end'",
         "betingelse {\n  id = 'x',\n  naar = function(sag) if true then end return mindst(1, 2),\n}\n",
         "standard.lua:4: uventet tegn '}' — mangler der et 'end'? Funktionen fra linje 3 er ikke afsluttet"},
        {"unexpected '}' with every function ended: no guess", "t = {\n  a = function() end,\n  b = 1 +\n}\n",
         "standard.lua:4: uventet tegn '}'"},
        // a '}' inside a function that is ended later, or after another '}', is no missing 'end'
        {"unexpected '}' inside an unfinished table in a function: no guess",
         "f = function()\n  local t = { a = 1 + }\n  return t\nend\n", "standard.lua:2: uventet tegn '}'"},
        {"a second '}' at a line's end: no guess", "f = function()\n  local a = { 1, 2 }}\nend\n",
         "standard.lua:2: uventet tegn '}'"},
        {"unexpected end", "x = 1 +",
         "standard.lua:1: uventet slutning af filen: et udtryk eller en sætning er ikke færdig"},
        {"unfinished string at a line end", "x = 'abc\n",
         "standard.lua:1: teksten ''abc' er ikke afsluttet: det afsluttende anførselstegn mangler, "
         "før linjen slutter"},
        {"unfinished string at the end", "x = 'abc",
         "standard.lua:1: en tekst er ikke afsluttet: det afsluttende anførselstegn mangler (ved "
         "filens slutning)"},
        {"unfinished long string", "x = [[abc\n\n",
         "standard.lua:3: den lange tekst fra linje 1 er ikke afsluttet med ]] (ved filens "
         "slutning)"},
        {"unfinished long comment", "--[[abc",
         "standard.lua:1: den lange kommentar fra linje 1 er ikke afsluttet med ]] (ved filens "
         "slutning)"},
        {"malformed number", "x = 3x", "standard.lua:1: ugyldigt tal '3x'"},
        {"<name> expected", "local function () end", "standard.lua:1: et navn mangler (før '(')"},
        {"'=' or 'in' expected", "for x y", "standard.lua:1: '=' eller 'in' mangler (før 'y')"},
        {"<name> or '...' expected", "function f(1) end",
         "standard.lua:1: et navn eller '...' mangler (før '1')"},
        {"'=' expected", "t = { [1] 2 }", "standard.lua:1: '=' mangler (før '2')"},
        {"syntax error at the end", "local t = {} t.x.y",
         "standard.lua:1: ugyldig sætning: kun en tildeling (x = …) eller et "
         "funktionskald kan stå alene (ved filens slutning)"},
        {"syntax error", "f() = 1",
         "standard.lua:1: ugyldig sætning: kun en tildeling (x = …) eller et funktionskald kan "
         "stå alene (før '=')"},
        {"function arguments expected", "local t = {} t:m",
         "standard.lua:1: argumenterne mangler: et metodekald skrives x:metode(…) (ved filens "
         "slutning)"},
        {"'...' outside a vararg function", "function f() return ... end",
         "standard.lua:1: '...' kan kun bruges i en funktion, der selv har '...' blandt sine "
         "parametre"},
        {"break outside a loop", "for i = 1, 2 do end\nbreak",
         "standard.lua:2: 'break' i linje 2 står uden for en løkke"},
        {"no visible label", "goto slut",
         "standard.lua:1: 'goto slut' i linje 1: mærket ::slut:: findes ikke, hvor det kan ses"},
        {"label already defined",
         "::a::\nx = 1\n::a::", "standard.lua:3: mærket ::a:: er allerede defineret i linje 1"},
        {"goto into a local's scope", "do goto l; local a; ::l:: print(a) end",
         "standard.lua:1: 'goto l' i linje 1 springer ind i den lokale variabel 'a's virkefelt"},
        {"assign to a const", "local x <const> = 1; x = 2",
         "standard.lua:1: 'x' er en konstant (<const>) og kan ikke ændres"},
        {"unknown attribute", "local x <fast> = 1",
         "standard.lua:1: ukendt egenskab <fast> (kun <const> og <close>)"},
        {"two to-be-closed", "local a <close>, b <close> = nil, nil",
         "standard.lua:1: kun én <close>-variabel pr. local-sætning"},
        {"invalid escape", "x = '\\q'",
         "standard.lua:1: ugyldig escape-sekvens i teksten ''\\q' (skriv \\\\ for en omvendt "
         "skråstreg)"},
        {"hexadecimal digit expected", "x = '\\xZZ'",
         "standard.lua:1: et hexadecimalt ciffer (0-9, a-f) mangler efter \\x i teksten ''\\xZ'"},
        {"missing '{'", "x = '\\u123'",
         "standard.lua:1: '{' mangler efter \\u i teksten ''\\u1' (skriv \\u{XXXX})"},
        {"missing '}'", "x = '\\u{12'",
         "standard.lua:1: '}' mangler i \\u{…} i teksten ''\\u{12''"},
        {"UTF-8 value too large", "x = '\\u{110000000}'",
         "standard.lua:1: \\u{…}-værdien er for stor i teksten ''\\u{110000000'"},
        {"decimal escape too large", "x = '\\300'",
         "standard.lua:1: \\ddd-værdien er over 255 i teksten ''\\300''"},
        {"invalid long string delimiter", "x = [=x",
         "standard.lua:1: ugyldig begyndelse på en lang tekst '[=': skriv [[ eller [==["},
        {"too many local variables", locals,
         "standard.lua:201: for mange lokale variabler (højst 200) i filens øverste niveau; del "
         "koden op i mindre funktioner "
         "(før '=')"},
        {"too many registers", call,
         "standard.lua:2: en funktion eller et udtryk er for stort (for mange registre); del det "
         "op (før '1')"},
        {"nesting too deep", "x = " + std::string(300, '(') + "1" + std::string(300, ')'),
         "standard.lua: for dyb indlejring eller rekursion (stakken er fuld)"},
    };
    for (const auto& k : kinds) {
        DYNAMIC_SECTION(k.name) {
            CHECK(parse_error(k.code) == k.message);
        }
    }
}

TEST_CASE("the end of input keeps '<eof>' outside a file, where the REPL reads on") {
    lua::State s;
    try {
        s.load("function f()", "=stdin");
        FAIL("expected a syntax error");
    } catch (const ScriptError& e) {
        CHECK(e.message().find("<eof>") != std::string::npos);
        CHECK(e.message().find("ved filens slutning") == std::string::npos);
    }
    CHECK(lua::danish("'end' expected near <eof>", "municipalities/varde/standard.lua") ==
          "'end' mangler (ved filens slutning)");
}

TEST_CASE("text that is not Lua's passes through untouched") {
    CHECK(lua::danish("betingelse 'x': feltet 'kilde' mangler", "standard.lua") ==
          "betingelse 'x': feltet 'kilde' mangler");
    CHECK(lua::danish("a near b", "standard.lua") == "a near b");
}

TEST_CASE("the runtime's messages are Danish and name the value at fault") {
    const Kind kinds[] = {
        {"index nil local", "local t = nil\nlocal y = t.x",
         "standard.lua:2: kan ikke slå op i en værdi, der ikke findes (nil): lokal variabel 't'"},
        {"index nil field", "local t = {}\nlocal y = t.bevilling.start",
         "standard.lua:2: kan ikke slå op i en værdi, der ikke findes (nil): felt 'bevilling'"},
        {"index nil upvalue", "local up = nil\nlocal y = (function() return up.x end)()",
         "standard.lua:2: kan ikke slå op i en værdi, der ikke findes (nil): ydre variabel 'up'"},
        {"index a number", "local n = 3\nlocal y = n.x",
         "standard.lua:2: kan ikke slå op i et tal: lokal variabel 'n'"},
        {"call nil field", "local t = {}\nt.beregn()",
         "standard.lua:2: kan ikke kalde noget, der ikke findes (nil): felt 'beregn'"},
        {"call nil method", "local t = {}\nt:beregn()",
         "standard.lua:2: kan ikke kalde noget, der ikke findes (nil): metode 'beregn'"},
        {"call a text", "local t = { f = 'x' }\nt.f()",
         "standard.lua:2: kan ikke kalde en tekst: felt 'f'"},
        {"compare number with nil", "local t = {}\nlocal y = 1 < t.x",
         "standard.lua:2: kan ikke sammenligne et tal med en værdi, der ikke findes (nil) — brug "
         "mindst(x, n) eller hoejst(x, n), "
         "som giver nil, når en oplysning mangler"},
        {"compare two tables", "local y = {} < {}",
         "standard.lua:1: kan ikke sammenligne to tabeller"},
        {"compare text with number", "local y = 'a' < 1",
         "standard.lua:1: kan ikke sammenligne en tekst med et tal"},
        {"arithmetic on nil field", "local t = {}\nlocal y = t.timer * 2",
         "standard.lua:2: kan ikke regne med en værdi, der ikke findes (nil): felt 'timer'"},
        {"arithmetic on a text", "local y = 'tre' + 1",
         "standard.lua:1: kan ikke regne med en tekst og et tal: en tekst regnes kun om til et "
         "tal, når den er et tal"},
        {"concatenate nil", "local t = {}\nlocal y = 'a' .. t.navn",
         "standard.lua:2: kan ikke sætte tekst sammen med en værdi, der ikke findes (nil): felt "
         "'navn'"},
        {"length of nil", "local t = {}\nlocal y = #t.liste",
         "standard.lua:2: kan ikke tage længden af en værdi, der ikke findes (nil): felt 'liste'"},
        {"bad argument", "local y = math.floor('x')",
         "standard.lua:1: forkert argument nr. 1 til 'floor': forventede et tal, fik en tekst"},
        {"bad argument: not a whole number", "local y = utf8.char(1.5)",
         "standard.lua:1: forkert argument nr. 1 til 'char': tallet er ikke et heltal"},
        {"bad argument: out of range", "local y = string.char(300)",
         "standard.lua:1: forkert argument nr. 1 til 'char': værdien er uden for det tilladte "
         "område"},
        {"bad argument to a function Lua cannot name", "local t = { math.floor }\nlocal y = t[1]('x')",
         "standard.lua:2: forkert argument nr. 1: forventede et tal, fik en tekst"},
        {"bad argument: value expected", "local y = tostring()",
         "standard.lua:1: forkert argument nr. 1 til 'tostring': forventede en værdi"},
        {"bad for limit", "for i = 1, 'x' do end",
         "standard.lua:1: 'for'-løkkens grænse: forventede et tal, fik en tekst"},
        {"for step zero", "for i = 1, 2, 0 do end", "standard.lua:1: 'for'-løkkens skridt er 0"},
        {"integer division by zero", "local n = 0; local y = 1 // n",
         "standard.lua:1: heltalsdivision med 0 (//)"},
        {"integer remainder by zero", "local n = 0; local y = 1 % n",
         "standard.lua:1: rest ved division med 0 (n % 0)"},
        {"assert without a message", "assert(1 > 2)", "standard.lua:1: påstanden holdt ikke (assert)"},
    };
    for (const auto& k : kinds) {
        DYNAMIC_SECTION(k.name) {
            CHECK(run_error(k.code) == k.message);
        }
    }
}

// The standard library's own messages a script can meet, in Danish: before, these reached
// `kvalitet test`, tjek and the REPL in English.
TEST_CASE("the standard library's messages in scripts are Danish") {
    const std::pair<const char*, const char*> kBibliotek[] = {
        {"string.format('%099999999d', 1)", "ugyldig formatangivelse"},
        {"string.format('%y', 1)", "ugyldig formatangivelse '%y' til 'format'"},
        {"string.format('%q', {})", "kan ikke skrives med %q"},
        {"local t = {} for i = 1, 20 do t[i] = 21 - i end table.sort(t, function() return true end)",
         "sorteringsfunktionen er ikke en gyldig ordning"},
        {"table.unpack({}, 1, 1e7)", "for mange værdier at pakke ud"},
        {"utf8.codepoint('\\xff')", "ugyldig UTF-8-kode"},
        {"tonumber('1', 99)", "talsystemet (grundtallet) skal være mellem 2 og 36"},
        {"math.fmod(1, 0)", "der kan ikke divideres med 0"},
        {"string.find('a', '(a)%2')", "ugyldigt nummer på en fangst i mønsteret"},
        {"string.find('a', '[a')", "ugyldigt mønster (']' mangler)"},
        {"string.find('a', 'a%')", "ugyldigt mønster (slutter med '%')"},
        {"string.find('a', '%fa')", "'[' mangler efter '%f' i mønsteret"},
        {"string.find('a', '(a')", "en fangst i mønsteret er ikke afsluttet"},
        {"table.concat({1, {}})", "ugyldig værdi (table) på plads 2 i tabellen til 'concat'"},
        {"string.pack('i17', 1)", "heltallets størrelse (17) er uden for grænserne 1-16"},
        {"string.pack('s1', string.rep('x', 300))", "tekstens længde kan ikke skrives i den angivne størrelse"},
        {"string.unpack('z', 'abc', 10)", "startpositionen er uden for teksten"},
        {"string.unpack('i4', 'ab')", "teksten er for kort"},
        {"local x <close> = 5", "variablen 'x' fik en værdi, der ikke kan lukkes (<close>)"},
    };
    for (const auto& [code, said] : kBibliotek) {
        INFO(code);
        const std::string m = run_error(code);
        CHECK_THAT(m, Catch::Contains(said));
        for (const char* english : {"invalid", "malformed", "too many", "missing", "unfinished", "out of range", "zero",
                                    "out of limits", "too short", "got a", "does not fit", "out of string"})
            CHECK_THAT(m, !Catch::Contains(english));
    }
}
