#pragma once
// The domain types as Lua values. Everything here is exposed to scripts through the
// sandbox's base environment by open_domain().
#include <lua.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "domain/dato.hpp"
#include "domain/frist.hpp"
#include "domain/sag.hpp"
#include "domain/vurdering.hpp"

namespace kvalitet::bind {

// Registers Dato, durations, kalender, Frist, and the case view metatables.
// Call inside a protected call, after sandbox::open.
void open_domain(lua_State* L);

void push_dato(lua_State* L, Dato d);
Dato* to_dato(lua_State* L, int index); // nullptr when not a Dato
Dato check_dato(lua_State* L, int index);
void push_varighed(lua_State* L, Varighed v);
Varighed* to_varighed(lua_State* L, int index);

// What one rule read from the case while it ran: the facts it needed but the case does
// not have (→ `mangler`), and the dates it used (→ the trace).
struct CaseContext {
    const Sag* sag = nullptr;      // null between evaluations: a kept view then refuses to read
    std::uint64_t generation = 0;  // counts cases; a list element view is valid for one
    // What a kept view says when it reads while sag is null; empty: the engine's message
    // (outside an evaluation). The REPL sets it when it retires a context.
    std::string_view gone;
    Dato dato;
    Dato standard_dato; // whose rules apply: dated parameters are read on it (usually dato)
    std::vector<std::string_view> missing;
    std::vector<std::pair<std::string_view, Dato>> dates;
    // The facts and numbers a rule read (yes/no, numbers, texts; dates are in `dates`), in
    // order of first read, for the full trace's `vaerdier`. Paths are static strings.
    std::vector<std::pair<std::string_view, Vaerdi>> values;
    std::vector<Sammenligning> comparisons; // mindst/hoejst, for the full trace
    // A rule's values and comparisons are kept up to these counts; past them they are
    // dropped and `afkortet` says so. Every one costs memory outside the script's budget and
    // bytes in the assessment: a script comparing 600 numbers in each of 1000 rules made a
    // case of 52 bytes an assessment of 125 MB.
    static constexpr std::size_t kMaxValues = 100, kMaxComparisons = 100;
    struct Bounds {
        std::size_t values = kMaxValues, comparisons = kMaxComparisons;
        std::size_t shown = 4000; // values and comparisons in one assessment's trace
    };
    // The workbench's check of unmarked assumptions (tjek) needs every parameter a rule read,
    // on the municipality's own test cases: it lifts them, and sets them back.
    Bounds bounds;
    bool afkortet = false;
    // Only a full trace writes values and comparisons: a short one or none skips recording
    // them (some 5 % of an assessment went to naming each parameter read).
    bool values_wanted = true;
    // A deadline's reads, set aside while its own functions read (evaluate.cpp, frister):
    // kept here for their capacity from one case to the next.
    struct Aside {
        std::vector<std::string_view> missing;
        std::vector<std::pair<std::string_view, Dato>> dates;
        std::vector<std::pair<std::string_view, Vaerdi>> values;
        std::vector<Sammenligning> comparisons;
        bool afkortet = false;
    } aside;
    void reset_reads() {
        missing.clear();
        dates.clear();
        values.clear();
        comparisons.clear();
        afkortet = false;
    }
    void read_missing(std::string_view fact);
    void read_date(std::string_view path, Dato d);
    void read_value(std::string_view path, Vaerdi v);
    // `a_navn`: a's name when the caller knows it (a VUM figure the host read after the rule
    // read n); otherwise both are named by the values read, as mindst(x, n) reads them.
    void compared(double a, double b, std::string_view op, std::string_view a_navn = {});
};

// The deliveries behind a `sag.leverancer` view, or nullptr when the value at `index` is
// not one. Throws, as the view does, when no rule is assessing a case.
const std::vector<Levering>* leverancer_view(lua_State* L, int index);
// The date the case behind such a view is assessed on (CaseContext::dato).
Dato leverancer_dato(lua_State* L, int index);

// Pushes a read-only view of ctx.sag, starting a new case for ctx. The same view is
// pushed again for the same ctx (one per Lua state), so keep ctx alive and in place.
void push_sag(lua_State* L, CaseContext& ctx);

} // namespace kvalitet::bind
