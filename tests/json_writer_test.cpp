// The JSON writer's string quoting: it scans sixteen bytes at a time (eight without SSE2)
// and the rest padded, so every position of a special byte within a block, and every
// length around a block, must come out right.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <random>

#include "dansk_locale.hpp"
#include "domain/json_writer.hpp"
#include "domain/vurdering.hpp"

using kvalitet::JsonWriter;

namespace {
std::string escaped(std::string_view s) {
    std::string out;
    JsonWriter::quote_into(out, s);
    return out;
}
} // namespace

TEST_CASE("quoting escapes what JSON requires and nothing else") {
    CHECK(escaped("") == R"("")");
    CHECK(escaped("Klagefrist over afgørelsen") == "\"Klagefrist over afgørelsen\"");
    CHECK(escaped("a\"b\\c") == R"("a\"b\\c")");
    CHECK(escaped("linje\nlinje\ttab\r") == R"("linje\nlinje\ttab\r")");
    CHECK(escaped(std::string_view("\x01\x1f\x00", 3)) == R"("\u0001\u001f\u0000")");
    CHECK(escaped("/ æøå ~\x7f") == "\"/ æøå ~\x7f\"");
}

TEST_CASE("quoting round-trips random strings with special bytes at every position") {
    const std::string palette[] = {"a", "Z", " ", "\"", "\\", "\n", "\x01", "\x1f", " ", "æ", "ø", "å", "{", "§",
                                   std::string(1, '\0'), "\x7f", "\xc2\x9f", "\xef\xbf\xbf"};
    std::mt19937 rng(85);
    for (int n = 0; n < 5000; ++n) {
        std::string s;
        const int len = int(rng() % 70);
        for (int i = 0; i < len; ++i) s += palette[rng() % std::size(palette)];
        const std::string q = escaped(s);
        INFO(q);
        REQUIRE(std::all_of(q.begin(), q.end(), [](unsigned char c) { return c >= 0x20; }));
        REQUIRE(nlohmann::json::parse(q).get<std::string>() == s);
    }
}

// The writer gathers bytes in its own buffer (1 KB) and hands them to the string in pieces:
// a document of random values, texts longer than the buffer and texts that end across its
// edge among them, must parse back to the same values in the same order, whatever sizes meet.
TEST_CASE("the writer's buffer loses, doubles and reorders nothing") {
    std::mt19937 rng(17);
    for (int round = 0; round < 300; ++round) {
        nlohmann::ordered_json expected = nlohmann::ordered_json::object();
        std::string out = "prefix ";
        {
            JsonWriter w(out);
            w.begin_object();
            const int fields = int(rng() % 40);
            for (int i = 0; i < fields; ++i) {
                std::string key = "k";
                key += std::to_string(i);
                key.append(rng() % 3 == 0 ? rng() % 1500 : 0, 'x');
                w.key(key);
                switch (rng() % 6) {
                case 0: {
                    static const char* const pieces[] = {"a", "a", "a", "\"", "\\", "\n", "\x01", "æ"};
                    std::string s;
                    for (auto n = rng() % 2100; n > 0; --n) s += pieces[rng() % std::size(pieces)];
                    w.value(s);
                    expected[key] = s;
                    break;
                }
                case 1: {
                    const auto n = std::int64_t(rng()) - std::int64_t(1u << 31);
                    w.value(n);
                    expected[key] = n;
                    break;
                }
                case 2: {
                    const double d = double(rng() % 100000) / 8 - 5000;
                    w.value(d);
                    expected[key] = d;
                    break;
                }
                case 3: {
                    const bool b = rng() % 2 == 0;
                    if (rng() % 3 == 0) {
                        w.null();
                        expected[key] = nullptr;
                    } else {
                        w.value(b);
                        expected[key] = b;
                    }
                    break;
                }
                case 4: {
                    w.begin_array();
                    auto a = nlohmann::ordered_json::array();
                    for (int j = int(rng() % 5); j > 0; --j) {
                        w.token("opfyldt");
                        a.push_back("opfyldt");
                    }
                    w.end_array();
                    expected[key] = a;
                    break;
                }
                default:
                    w.raw(JsonWriter::quoted("raw tekst"));
                    expected[key] = "raw tekst";
                }
            }
            w.end_object();
            // a whole value is in the string while the writer is still there
            REQUIRE(out.back() == '}');
            out += '\n';
        }
        REQUIRE(out.rfind("prefix ", 0) == 0);
        REQUIRE(out.back() == '\n');
        REQUIRE(nlohmann::ordered_json::parse(out.substr(7)) == expected);
    }
}

// A string written in parts is the parts' text quoted as one: escaping is per byte, so a
// special byte at any place in any part, and numbers between them, come out as quote_into
// writes the whole.
TEST_CASE("a string written in parts is the whole string quoted") {
    const std::string palette[] = {"a", " ", "\"", "\\", "\n", "\x01", "æ", "≥", std::string(1, '\0')};
    std::mt19937 rng(29);
    for (int round = 0; round < 2000; ++round) {
        std::string whole, out;
        JsonWriter w(out);
        w.begin_array();
        w.token("før");
        w.begin_string();
        for (int n = int(rng() % 6); n > 0; --n) {
            if (rng() % 3 == 0) {
                const double d = rng() % 2 == 0 ? double(rng() % 1000) : double(rng() % 1000) / 7;
                w.string_number(d);
                JsonWriter::number_into(whole, d);
            } else {
                std::string part;
                for (int k = int(rng() % 40); k > 0; --k) part += palette[rng() % std::size(palette)];
                w.string_part(part);
                whole += part;
            }
        }
        w.end_string();
        w.end_array();
        INFO(out);
        REQUIRE(out == "[\"før\"," + JsonWriter::quoted(whole) + "]");
    }
}

TEST_CASE("members written once go where the writer is and get the commas an object needs") {
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    w.members(R"("a":1,"b":"x")");
    w.key("c").value(true);
    w.members(R"("d":null)");
    w.end_object();
    CHECK(out == R"({"a":1,"b":"x","c":true,"d":null})");
}

// A rule's reason and trace members are rendered once when its standard loads; a rule made
// without that (by a program embedding the library) must give the same bytes. A comparison
// is written in parts and must read back as its text.
TEST_CASE("an assessment's JSON is the same whether its rules were prepared or not") {
    using namespace kvalitet;
    Regel plain;
    plain.id = "regel_\"1\"";
    plain.tekst = "Borgeren er fyldt 18 år\n(antagelse)";
    plain.kilde = "SEL § 85, stk. 1";
    plain.kommunal = true;
    plain.erstatter = true;
    plain.antagelse = true;
    Regel prepared = plain;
    prepared.prepare_json();
    REQUIRE_FALSE(prepared.spor_json.empty());

    auto json = [](const Regel& r) {
        Vurdering v;
        v.sag_id = "s";
        v.begrundelser.push_back({&r, true});
        SporPost& p = v.spor.emplace_back();
        p.trin = Trin::Maalgruppe;
        p.regel = &r;
        p.udfald = "opfyldt";
        p.resultat = "opfyldt";
        p.vaerdier.push_back({"borger.alder", 20.0});
        p.sammenligninger.push_back({20, 18, "≥", "borger.\"alder\"", "grænse\\x"});
        p.sammenligninger.push_back({2.5, 1.0 / 3, "<", "", ""});
        return v.json();
    };
    const std::string a = json(plain), b = json(prepared);
    CHECK(a == b);
    const auto parsed = nlohmann::json::parse(b);
    const auto& post = parsed["spor"][0];
    CHECK(post["kilde"] == "SEL § 85, stk. 1");
    CHECK(post["afgjort_af"] == "kommunal");
    CHECK(post["erstatter_national"] == true);
    CHECK(post["antagelse"] == true);
    CHECK(post["sammenligninger"][0] == Sammenligning{20, 18, "≥", "borger.\"alder\"", "grænse\\x"}.tekst());
    CHECK(post["sammenligninger"][1] == Sammenligning{2.5, 1.0 / 3, "<", "", ""}.tekst());
    CHECK(parsed["maalgruppe"]["begrundelser"][0]["regel"] == "regel_\"1\"");
}

// From an attack (3/12): under a Danish locale set by a program embedding the library, a
// number was written "2,5" (snprintf follows the locale), and the assessment was no JSON.
TEST_CASE("numbers are written with a point whatever the process's locale") {
    std::string out;
    {
        const kvalitet::test::DanskLocale dansk;
        JsonWriter::number_into(out, 2.5);
        out += ' ';
        JsonWriter::number_into(out, 0.1);
    }
    CHECK(out == "2.5 0.10000000000000001");
}
