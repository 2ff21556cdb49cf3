// Fuzz target: script loading and assessment. The input bytes choose a small standard from
// the DSL's declarations and helpers, correct and broken fields alike, and rule bodies
// from valid logic and hostile snippets (loops, C-heavy calls, writes to shared state, odd
// return types). The standard is loaded and two cases assessed twice each, interleaved.
// Anything may be refused with a ScriptError or InputError; nothing may crash, and an
// assessment that loaded must give the same bytes for the same case every time (rules
// cannot remember).
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "engine/standard.hpp"
#include "fuzz_check.hpp"

namespace fs = std::filesystem;
using namespace kvalitet;

namespace {

class Bytes {
public:
    Bytes(const std::uint8_t* d, std::size_t n) : d_(d), n_(n) {}
    std::size_t pick(std::size_t choices) { return choices == 0 ? 0 : (i_ < n_ ? d_[i_++] : 0) % choices; }
    bool more() const { return i_ < n_; }

private:
    const std::uint8_t* d_;
    std::size_t n_, i_ = 0;
};

const char* kBodies[] = {
    "return true",
    "return nil",
    "return false",
    "return mindst(sag.borger.alder, P.graense)",
    "return og(sag.forhold.motiveret, ikke(sag.forhold.daarligt_helbred))",
    "return eller(sag.forhold.kan_deltage_aktivt, har_ydelse(sag, '83'))",
    "return sag.vum:max() ~= nil and sag.vum:max() >= 3",
    "return seneste(sag.opfoelgninger)",
    "return dato + uger(4)",
    "return sag.bevilling.start",
    "return uger(P.graense)",
    "return { 'a', 'b' }",
    "return 'afvigelse ' .. tostring(sag.id)",
    "return antal(sag.leverancer, function(l) return l.minutter > 60 end) > 1",
    "local n = 0 for _, l in ipairs(sag.leverancer) do n = n + l.minutter end return n > 120",
    "while true do end",
    "return string.rep('x', 1e9)",
    "return string.rep('', math.maxinteger)",
    "return (string.rep('a', 3000)):find('.-.-.-b')",
    "table.move({}, 1, 1e12, 1) return true",
    "GEMT.x = sag.id return true",
    "TAELLER = TAELLER + 1 return TAELLER % 2 == 0",
    "return tostring({}) .. string.format('%s', print)",
    "return string.format('%p', {})",
    "return '\\27[31m'",
    "return '\\xff'",
    "local t = {} for k in pairs(P.liste) do t[#t + 1] = k end return #t > 0",
    "P.liste[1] = 9 return true",
    "krav { id = 'ny', tekst = 't', kilde = 'k', afvigelser = function() return nil end } return true",
    "return brug 'stdlib.sel85'",
    "return setmetatable({}, {})",
    "return sag.borger.alder.x",
    "sag.borger.alder = 3 return true",
    "return sag",
    "return dato + hverdage(2^31)",
    "return Dato(70000, 1, 1)",
    "local function f(n) return f(n + 1) + 1 end return f(1)",
    "error({})",
    "error('egen fejl')",
};

const char* kFields[] = {
    "forhold = 'motiveret'", "forhold = 'findes_ikke'", "henvis_til = 'SEL § 83'", "til = 'SEL § 83'",
    "omfattet = true", "omfattet = false", "fra = 'bevilling.start'", "fra = 'findes.ikke'",
    "varighed = uger(4)", "varighed = 7", "flyt = 'naeste_arbejdsdag'", "opfyldt_ved = 'klage.modtaget'",
    "navn = 'Pakke'", "timer = 3", "timer = -1", "timer = 1e300", "periode = 'uge'", "periode = 'aar'",
    "antagelse = true", "kriterie = 'stavefejl'", "betingelse = 'x'", "tekst = 5", "kilde = nil",
};

const char* kKinds[] = {"betingelse", "udelukkelse", "henvisning", "aktivitet", "pakke", "frist", "krav"};
const char* kFunctionFields[] = {"naar", "afvigelser", "omfattet", "henvis_til", "fra", "varighed", "opfyldt_ved"};
const char* kIds[] = {"alder", "netvaerk", "bpa", "klage", "x", "pakke_1", "pakke_2", "k"};

std::string program(Bytes& b) {
    std::string s = "brug \"stdlib.sel85\"\n"
                    "kvalitetsstandard { kommune = \"f\", titel = \"F\", kilde = \"F KS\" }\n"
                    "local P = parametre { graense = { vaerdi = 18, tekst = 'g', kilde = 'k' },\n"
                    "  liste = { vaerdi = { 3, 1, 2 }, tekst = 'l', antagelse = true } }\n"
                    "local GEMT = {}\nlocal TAELLER = 0\n";
    for (int n = 0; n < 8 && b.more(); ++n) {
        s += kKinds[b.pick(std::size(kKinds))];
        s += " { id = '";
        s += kIds[b.pick(std::size(kIds))];
        s += "', tekst = 'T', kilde = 'K'";
        for (std::size_t f = b.pick(4); f > 0; --f) {
            s += ", ";
            s += kFields[b.pick(std::size(kFields))];
        }
        for (std::size_t f = b.pick(3); f > 0; --f) {
            s += ", ";
            s += kFunctionFields[b.pick(std::size(kFunctionFields))];
            s += " = function(sag, dato) ";
            s += kBodies[b.pick(std::size(kBodies))];
            s += " end";
        }
        s += " }\n";
    }
    return s;
}

const fs::path& home() {
    static const fs::path root = [] {
        fs::path r = fs::temp_directory_path() / ("kvalitet-fuzz-script-" + std::to_string(::getpid()));
        fs::remove_all(r);
        fs::create_directories(r / "municipalities" / "f");
        fs::copy(KVALITET_SOURCE_DIR "/dsl", r / "dsl", fs::copy_options::recursive);
        fs::copy(KVALITET_SOURCE_DIR "/stdlib", r / "stdlib", fs::copy_options::recursive);
        return r;
    }();
    return root;
}

const char* kCases[] = {
    R"({"id":"a","borger":{"alder":30},"forhold":{"motiveret":true},"ansoegte_aktiviteter":["netvaerk","bpa"],
        "bevilling":{"start":"2026-01-05","afgoerelse_modtaget":"2026-01-02"},"klage":{"modtaget":"2026-01-20"},
        "leverancer":[{"dato":"2026-03-02","start":"09:00","minutter":90,"art":"ansigt_til_ansigt"}]})",
    R"({"id":"b","borger":{"alder":17},"vum":{"temaer":{"sundhed":4}},"opfoelgninger":[{"dato":"2026-02-01"}]})",
};

// Running out of time or memory depends on the machine and the collector, not the case.
bool budget(const std::string& out) {
    return out.find("kørte længere") != std::string::npos || out.find("hukommelse") != std::string::npos;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Bytes b(data, size);
    const std::string text = program(b);
    std::ofstream(home() / "municipalities" / "f" / "standard.lua", std::ios::trunc) << text;
    const Sources sources = Sources::directory(home());
    std::unique_ptr<Standard> s;
    try {
        s = Standard::load(sources, "f", {.memory_bytes = 64u << 20, .time = std::chrono::milliseconds(100)});
    } catch (const ScriptError&) {
        return 0;
    } catch (const InputError&) {
        return 0;
    }
    const Dato dato = *Dato::parse("2026-11-22");
    std::string first[2];
    for (int round = 0; round < 2; ++round)
        for (int c = 0; c < 2; ++c) {
            std::string out;
            try {
                out = s->vurder(Sag::from_json(kCases[c]), dato).json();
            } catch (const ScriptError& e) {
                out = std::string("fejl: ") + e.what();
            }
            if (round == 0) first[c] = out;
            else
                FUZZ_CHECK(out == first[c] || budget(out) || budget(first[c]),
                           "samme sag gav et andet svar: en regel huskede noget");
        }
    return 0;
}
