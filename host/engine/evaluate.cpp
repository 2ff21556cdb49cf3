// Assessing one case: the host drives the fixed order maalgruppe → aktiviteter → pakke →
// frister → krav, calls the script's small functions, and writes every step to the trace.
// All of it runs inside one protected call, under the instruction budget.
#include <fmt/format.h>
#include <lauxlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <charconv>
#include <unordered_set>

#include "bind/bind.hpp"
#include "bind/type_text.hpp"
#include "domain/danske_navne.hpp"
#include "domain/modtagelse.hpp"
#include "domain/tekst.hpp"
#include "engine/as_of.hpp"
#include "engine/standard.hpp"
#include "engine/ukendt_kontrol.hpp"
#include "sandbox.hpp"

namespace kvalitet {

struct Evaluation {
    Standard& standard;
    const Sag& sag; // as it stood on `dato` (as_of.hpp)
    Dato dato;
    Vurdering& v;
    bind::CaseContext& ctx;
    const std::vector<Udeladt>& udeladt; // what the case holds after `dato`, left out
    const Rule* current = nullptr;
    std::size_t text_bytes = 0; // texts the script has given in this assessment
    bool unknown = false;       // a target-group rule could not say yet
    SporNiveau spor = SporNiveau::Fuld; // what trace() records
    std::size_t reads_shown = 0;        // values and comparisons in the trace so far (ctx.bounds.shown)
    // Entries of v.spor in use: those past it are a recycled trace's, refilled by trace()
    // and cut off when the assessment is done.
    std::size_t posts = 0;
};

namespace {

// What a script may hand the host in one assessment: the output stays a small multiple of
// the standard, whatever a rule returns.
constexpr std::size_t kMaxRuleText = 4096;          // one text (an afvigelse, a henvisning)
constexpr lua_Integer kMaxAfvigelser = 200;         // warnings shown from one krav
constexpr std::size_t kMaxPerioderVist = 2000;      // periods shown in them, all runs together
constexpr lua_Integer kMaxPoster = 20000;           // entries one krav may give (a case has at most
                                                    // 10,000 deliveries; 300 years is 15,700 weeks)
constexpr std::size_t kMaxScriptText = 256 * 1024;  // all texts of one assessment

constexpr int kSag = 2, kDato = 3; // stack slots inside evaluate()

// `what` says only what went wrong: Standard::vurder names the rule and the case in front.
// The line where the rule's function for `felt` is written (omfattet = function …), so a
// wrong result names that line, not the rule's first; the rule's line when the function is
// not there (none, a C function, or one written in another file).
int field_line(lua_State* L, const Rule& r, const char* felt) {
    const std::string_view f = felt ? felt : "";
    const lua::Ref* fn = f == "naar" ? &r.naar : f == "henvis_til" ? &r.til_fn : f == "omfattet" ? &r.omfattet_fn
                         : f == "fra" ? &r.fra_fn : f == "varighed" ? &r.varighed_fn
                         : f == "opfyldt_ved" ? &r.opfyldt_fn : f == "afvigelser" ? &r.afvigelser : nullptr;
    if (!fn || !*fn) return r.regel->linje;
    fn->push();
    lua_Debug ar;
    if (!lua_getinfo(L, ">S", &ar) || ar.linedefined <= 0 || ar.source[0] != '@' || r.regel->fil != ar.source + 1)
        return r.regel->linje;
    return ar.linedefined;
}

// `felt`: the field whose function gave what is wrong, when one did.
[[noreturn]] void rule_error(lua_State* L, const Rule& r, const std::string& what, const char* felt = nullptr) {
    lua_pushfstring(L, "%s:%d: %s", r.regel->fil.c_str(), field_line(L, r, felt), what.c_str());
    lua_error(L);
    throw; // unreachable: lua_error throws
}

// Calls a rule's function with the case and the date; what it reads is recorded from a
// clean slate, or after what the rule has read so far (`keep`).
void call(lua_State* L, Evaluation& ev, const lua::Ref& fn, bool keep = false) {
    if (!keep) ev.ctx.reset_reads();
    fn.push();
    lua_pushvalue(L, kSag);
    lua_pushvalue(L, kDato);
    lua_call(L, 2, 1);
}

// The message of a date a rule's function computed past the calendar's range from a
// case's date near its edge (DatoFejl::ved_kanten): the case's date, not the rule's mistake.
std::optional<std::string> at_calendar_edge(std::exception_ptr& error) {
    if (!error) return std::nullopt;
    try {
        std::rethrow_exception(std::exchange(error, nullptr));
    } catch (const DatoFejl& e) {
        if (e.ved_kanten()) return std::string(e.what());
    } catch (...) {
    }
    return std::nullopt;
}

// call(), for a rule that can be left out on its own: when its function fails on a date at
// the calendar's edge, returns why (nothing is left on the stack) and the rest of the
// assessment stands. Any other error goes on to the caller, as from call().
std::optional<std::string> call_or_edge(lua_State* L, Evaluation& ev, const lua::Ref& fn, bool keep = false) {
    if (!keep) ev.ctx.reset_reads();
    auto& cpp_error = lua::State::host(L).cpp_error;
    cpp_error = nullptr;
    lua_pushcfunction(L, lua::place_in_rule);
    const int handler = lua_gettop(L);
    fn.push();
    lua_pushvalue(L, kSag);
    lua_pushvalue(L, kDato);
    const int status = lua_pcall(L, 2, 1, handler);
    lua_remove(L, handler);
    if (status == LUA_OK) return std::nullopt;
    if (auto edge = at_calendar_edge(cpp_error)) {
        lua_pop(L, 1);
        return edge;
    }
    lua_error(L);
    throw; // unreachable: lua_error throws
}

// The string at the top of the stack as a text for the output: checked for size, UTF-8 and
// control characters before it is copied, and counted against the assessment's total.
// A text that is not shown (a deviation past the ones shown) is checked the same way.
std::string_view check_text(lua_State* L, const Rule& r, const char* felt) {
    std::size_t n = 0;
    const char* p = lua_tolstring(L, -1, &n);
    const std::string_view text(p, n);
    if (auto problem = text_problem(text, kMaxRuleText))
        rule_error(L, r, fmt::format("'{}' gav en ugyldig tekst: {}", felt, *problem), felt);
    return text;
}

std::string take_text(lua_State* L, Evaluation& ev, const Rule& r, const char* felt) {
    const std::string_view text = check_text(L, r, felt);
    const std::size_t n = text.size();
    ev.text_bytes += n;
    if (ev.text_bytes > kMaxScriptText)
        rule_error(L, r, fmt::format("reglerne har givet mere end {} KiB tekst i én vurdering", kMaxScriptText / 1024));
    return std::string(text);
}

std::optional<bool> pop_tri(lua_State* L, const Rule& r, const char* felt) {
    switch (lua_type(L, -1)) {
    case LUA_TBOOLEAN: {
        bool b = lua_toboolean(L, -1);
        lua_pop(L, 1);
        return b;
    }
    case LUA_TNIL: lua_pop(L, 1); return std::nullopt;
    default:
        rule_error(L, r, fmt::format("'{}' skal give true, false eller nil (ukendt), men gav {}", felt,
                                     bind::type_text(L, -1)),
                   felt);
    }
}

// A rule's condition: its `forhold` or its `naar` function. Unset: true.
std::optional<bool> condition(lua_State* L, Evaluation& ev, const Rule& r) {
    if (r.forhold >= 0) {
        ev.ctx.reset_reads();
        auto value = ev.sag.forhold.vaerdi[std::size_t(r.forhold)];
        if (!value) ev.ctx.read_missing(Forhold::ids[std::size_t(r.forhold)]);
        else ev.ctx.read_value(Forhold::ids[std::size_t(r.forhold)], *value);
        return value;
    }
    if (!r.naar) return true;
    call(L, ev, r.naar);
    return pop_tri(L, r, "naar");
}

std::optional<Dato> pop_date(lua_State* L, const Rule& r, const char* felt) {
    std::optional<Dato> out;
    if (Dato* d = bind::to_dato(L, -1)) out = *d;
    else if (!lua_isnil(L, -1))
        rule_error(L, r,
                   fmt::format("'{}' skal give en dato eller nil{}, men gav {}", felt,
                               std::string_view(felt) == "opfyldt_ved" ? " (eller false: ukendt)" : "", bind::type_text(L, -1)),
                   felt);
    lua_pop(L, 1);
    return out;
}

// `udfald` is one of outcomes(r.art): what the coverage report counts. Records only what
// the trace level writes (vurdering_json.cpp): a short trace has no texts, values or
// comparisons, and none has no entries.
template <class T>
void take_reads(std::vector<T>& to, std::vector<T>& from) {
    to.clear(); // a recycled entry's, room kept
    if (from.empty()) return;
    const auto room = from.size();
    to.swap(from);
    from.reserve(room);
}

// A new entry at the end of the trace: a recycled one in place, with its lists' room, when
// there is one (every field is set again), else one built in place (a temporary SporPost
// moved into the vector cost a fifth of the trace).
SporPost& new_post(Evaluation& ev) {
    auto& spor = ev.v.spor;
    if (ev.posts < spor.size()) return spor[ev.posts++];
    ++ev.posts;
    return spor.emplace_back();
}

void trace(Evaluation& ev, const Rule& r, std::string_view udfald, std::string resultat) {
    if (ev.spor == SporNiveau::Ingen) return;
    const bool fuld = ev.spor == SporNiveau::Fuld;
    auto& p = new_post(ev);
    p.trin = r.trin;
    p.regel = r.regel;
    p.udfald = udfald;
    if (fuld) p.resultat = std::move(resultat);
    else p.resultat.clear();
    p.datoer.assign(ev.ctx.dates.begin(), ev.ctx.dates.end());
    // into the strings a recycled entry has, so a fact's name needs no new one
    p.mangler.resize(ev.ctx.missing.size());
    for (std::size_t i = 0; i < p.mangler.size(); ++i) p.mangler[i].assign(ev.ctx.missing[i]);
    if (!fuld) {
        p.vaerdier.clear();
        p.sammenligninger.clear();
        p.afkortet = false;
        return;
    }
    // Taken, not copied: the next rule starts its reads afresh (reset_reads), and nothing reads
    // these two before then. The context gets room of the same size back, one allocation as a
    // copy would make, without copying each value.
    take_reads(p.vaerdier, ev.ctx.values);
    take_reads(p.sammenligninger, ev.ctx.comparisons);
    p.afkortet = ev.ctx.afkortet;
    // Bounded for the whole assessment too, as its texts are: 2000 rules at a rule's bound
    // would still be 400,000 entries.
    auto keep = [&](auto& list) {
        const std::size_t max = ev.ctx.bounds.shown;
        const std::size_t room = max - std::min(ev.reads_shown, max);
        if (list.size() > room) {
            list.erase(list.begin() + std::ptrdiff_t(room), list.end());
            p.afkortet = true;
        }
        ev.reads_shown += list.size();
    };
    keep(p.vaerdier);
    keep(p.sammenligninger);
}

// `r` could not be checked for lack of what it read as missing: listed with those facts.
void not_checked(Evaluation& ev, const Rule& r) {
    ev.v.ukontrollerede.push_back({r.regel, {ev.ctx.missing.begin(), ev.ctx.missing.end()}});
}

void add_unique(std::vector<std::string>& v, std::string_view s) {
    if (std::find(v.begin(), v.end(), s) == v.end()) v.emplace_back(s);
}

void add_unique_view(std::vector<std::string_view>& v, std::string_view s) {
    if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

// A (path, value) read, unless the path is already there: the first read names it.
template <class T>
void add_unique_key(std::vector<std::pair<std::string_view, T>>& v, const std::pair<std::string_view, T>& read) {
    for (const auto& [k, _] : v)
        if (k == read.first) return;
    v.push_back(read);
}

std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
    return out;
}

std::string_view tri_text(std::optional<bool> c, std::string_view yes, std::string_view no) {
    return c ? (*c ? yes : no) : std::string_view("ukendt");
}

// A target-group rule that cannot say yet: the answer waits for the facts it read.
void unknown_because(Evaluation& ev, const Rule& r) {
    ev.unknown = true;
    if (ev.ctx.missing.empty()) add_unique(ev.v.mangler, r.regel->id);
    for (auto m : ev.ctx.missing) add_unique(ev.v.mangler, m);
}

void maalgruppe(lua_State* L, Evaluation& ev) {
    auto& v = ev.v;
    bool out = false;
    bool& unknown = ev.unknown;
    // A referral that cannot be decided yet leaves open where to refer, not whether the
    // citizen is in the target group (the contract: only a requirement or an exclusion
    // does that). Its facts are named in mangler unless that paragraph is referred to anyway.
    std::vector<std::pair<const Rule*, std::vector<std::string_view>>> open_referrals;
    const auto& rules = ev.standard.rules();
    v.begrundelser.reserve(std::size_t(
        std::count_if(rules.begin(), rules.end(), [](const Rule& r) { return r.trin == Trin::Maalgruppe; })));
    for (const Rule& r : rules) {
        if (r.trin != Trin::Maalgruppe) continue;
        ev.current = &r;
        auto c = condition(L, ev, r);
        v.begrundelser.push_back({r.regel, c});
        switch (r.art) {
        case Art::Betingelse:
            if (c == false) out = true;
            if (!c) unknown_because(ev, r);
            trace(ev, r, tri_text(c, "opfyldt", "ikke_opfyldt"), std::string(tri_text(c, "opfyldt", "ikke opfyldt")));
            break;
        case Art::Udelukkelse:
            if (c == true) {
                out = true;
                if (!r.til.empty()) add_unique(v.henvis_til, r.til);
            }
            if (!c) unknown_because(ev, r);
            trace(ev, r, tri_text(c, "gaelder", "gaelder_ikke"), c ? std::string(*c ? "gælder: udelukker" : "gælder ikke")
                           : std::string("ukendt: kan udelukke, når det er fastslået"));
            break;
        case Art::Henvisning:
            if (c == true) add_unique(v.henvis_til, r.til);
            if (!c) open_referrals.emplace_back(&r, ev.ctx.missing);
            trace(ev, r, tri_text(c, "henviser", "ingen"), c == true ? "henviser til " + r.til
                           : c ? std::string("ingen henvisning") : "ukendt: kan henvise til " + r.til + ", når det er fastslået");
            break;
        default: break;
        }
    }
    for (const auto& [r, missing] : open_referrals) {
        if (std::find(v.henvis_til.begin(), v.henvis_til.end(), r->til) != v.henvis_til.end()) continue;
        if (missing.empty()) add_unique(v.mangler, r->regel->id);
        for (auto m : missing) add_unique(v.mangler, m);
    }
    v.i_maalgruppe = out ? std::optional<bool>(false) : unknown ? std::nullopt : std::optional<bool>(true);
    if (out) v.mangler.clear(); // nothing left to establish once the answer is no
}

const Rule* activity_rule(const Standard& s, std::string_view id) {
    for (const Rule& r : s.rules())
        if (r.art == Art::Aktivitet && r.regel->id == id) return &r;
    return nullptr;
}

// Whether `id` was asked for earlier in the case's list: an activity asked for twice is
// assessed once (10,000 × "bpa", 71 KB, gave 3 MB of answers about the same activity).
bool asked_before(const std::vector<std::string>& asked, std::size_t i, std::unordered_set<std::string_view>& seen) {
    if (asked.size() <= 64) return std::find(asked.begin(), asked.begin() + std::ptrdiff_t(i), asked[i]) != asked.begin() + std::ptrdiff_t(i);
    return !seen.insert(asked[i]).second;
}

void aktiviteter(lua_State* L, Evaluation& ev, const Standard::Meta& meta) {
    const auto& asked = ev.sag.ansoegte_aktiviteter;
    ev.v.aktiviteter.reserve(asked.size());
    std::unordered_set<std::string_view> seen;
    for (std::size_t i = 0; i < asked.size(); ++i) {
        const std::string& id = asked[i];
        if (asked_before(asked, i, seen)) continue;
        const Rule* r = activity_rule(ev.standard, id);
        if (!r) {
            ev.v.aktiviteter.push_back({id, std::nullopt, std::nullopt, &meta.ukendt_aktivitet, {id}, true});
            ev.v.advarsler.push_back({meta.ukendt_aktivitet.id,
                                      fmt::format("Aktiviteten '{}' findes ikke i aktivitetskataloget; vurder den manuelt", id),
                                      meta.ukendt_aktivitet.kilde, {}});
            ev.ctx.reset_reads();
            if (ev.spor != SporNiveau::Ingen)
                new_post(ev) = SporPost{Trin::Aktiviteter, &meta.ukendt_aktivitet, "ukendt",
                                        fmt::format("'{}' er ukendt", id), {}, {}, {}, {}};
            continue;
        }
        ev.current = r;
        ev.ctx.reset_reads();
        std::optional<bool> omfattet = r->omfattet;
        if (r->omfattet_fn) {
            call(L, ev, r->omfattet_fn);
            omfattet = pop_tri(L, *r, "omfattet");
        }
        AktivitetResultat a{id, omfattet, std::nullopt, r->regel, {}};
        // The facts that left something open: whether it is covered, or where to refer.
        auto open = omfattet ? std::vector<std::string_view>{} : ev.ctx.missing;
        if (omfattet == false) {
            if (r->til_fn) {
                // what both functions lacked is the trace's; the dates and values, the referral's
                auto read = ev.ctx.missing;
                call(L, ev, r->til_fn);
                if (lua_type(L, -1) == LUA_TSTRING) a.henvis_til = take_text(L, ev, *r, "henvis_til");
                else if (!lua_isnil(L, -1))
                    rule_error(L, *r, std::string("'henvis_til' skal give en tekst eller nil"), "henvis_til");
                lua_pop(L, 1);
                for (auto m : ev.ctx.missing) {
                    add_unique_view(read, m);
                    if (!a.henvis_til) add_unique_view(open, m);
                }
                ev.ctx.missing.assign(read.begin(), read.end()); // into the context's own room
            } else if (!r->til.empty()) {
                a.henvis_til = r->til;
            }
        }
        for (auto m : open) a.mangler.emplace_back(m);
        if (!a.omfattet && a.mangler.empty()) a.mangler.push_back(id);
        std::string res = !a.omfattet ? "ukendt: afventer " + join(a.mangler)
                          : *a.omfattet ? "omfattet"
                          : a.henvis_til ? "ikke omfattet; henvis til " + *a.henvis_til
                          : !a.mangler.empty() ? "ikke omfattet; henvisning afventer " + join(a.mangler)
                                         : "ikke omfattet";
        trace(ev, *r, tri_text(a.omfattet, "omfattet", "ikke_omfattet"), std::move(res));
        ev.v.aktiviteter.push_back(std::move(a));
    }
}

void pakke(lua_State* L, Evaluation& ev, const Standard::Meta& meta) {
    // No package outside the target group, nor before membership is settled: a package
    // picked while a fact is missing would be the silent yes the trace must not give.
    if (ev.v.i_maalgruppe != true) return;
    const Rule* chosen = nullptr;
    // A package above the chosen one whose criteria lack a fact: it might be the one that
    // fits, so none is chosen, and the caseworker is told what is missing.
    const Rule* open = nullptr;
    std::vector<std::string> open_missing;
    for (const Rule& r : ev.standard.rules()) {
        if (r.art != Art::Pakke) continue;
        ev.current = &r;
        auto c = condition(L, ev, r);
        if (c == true) { // declared in rising order: the last that fits wins
            chosen = &r;
            open = nullptr;
            open_missing.clear();
        } else if (!c) {
            if (!open) open = &r;
            for (auto m : ev.ctx.missing) add_unique(open_missing, m);
        }
        trace(ev, r, tri_text(c, "opfyldt", "ikke_opfyldt"), std::string(tri_text(c, "kriterier opfyldt", "kriterier ikke opfyldt")));
    }
    if (open) {
        ev.v.advarsler.push_back({meta.pakke_uafklaret.id,
                                  fmt::format("Pakken kan ikke fastlægges endnu: {} mangler", mangler_liste(open_missing)),
                                  open->regel->kilde, {}, open->regel->antagelse});
        ev.v.pakke_uafklaret = Ukontrolleret{open->regel, std::move(open_missing)};
        return;
    }
    if (chosen) {
        ev.v.pakke = PakkeResultat{chosen->regel, chosen->navn, chosen->timer, chosen->periode, chosen->kriterier};
        ev.ctx.reset_reads();
        trace(ev, *chosen, "valgt", "valgt: højeste pakke hvis kriterier er opfyldt");
    }
}

constexpr std::string_view kAfgoerelseModtaget = "bevilling.afgoerelse_modtaget";

// A national parameter holding a whole number, with the name and value the trace shows
// for it (a dated one's value in force on the date whose rules apply, named with its period).
struct WholeParameter {
    int n;
    std::string_view navn;
    Vaerdi vaerdi;
};
std::optional<WholeParameter> whole_parameter(const Evaluation& ev, std::string_view id) {
    const auto& info = ev.standard.info();
    auto it = std::lower_bound(info.parametre.begin(), info.parametre.end(), id,
                               [](const Parameter& p, std::string_view k) { return p.id < k; });
    if (it == info.parametre.end() || it->id != id) return std::nullopt;
    const std::string* vaerdi = &it->vaerdi;
    std::string_view navn = it->id;
    const ParameterPeriode* per = nullptr;
    if (!it->perioder.empty()) {
        per = periode_paa(*it, ev.ctx.standard_dato);
        if (!per) return std::nullopt;
        vaerdi = &per->vaerdi;
        navn = per->spor_navn;
    }
    int n = 0;
    auto [end, ec] = std::from_chars(vaerdi->data(), vaerdi->data() + vaerdi->size(), n);
    if (ec != std::errc() || end != vaerdi->data() + vaerdi->size() || n < 0 || n > 60) return std::nullopt;
    return WholeParameter{n, navn, per ? per->spor_vaerdi : Vaerdi(double(n))};
}

// The receipt of the decision: known, or derived from the letter's date and channel
// (modtagelse.hpp). Reads like a date path; names what is missing when it cannot.
std::optional<Dato> receipt(Evaluation& ev, std::optional<FormodetModtagelse>& formodet) {
    const auto* b = ev.sag.bevilling ? &*ev.sag.bevilling : nullptr;
    const auto hverdage = whole_parameter(ev, kFysiskPostParameter);
    std::optional<Modtagelse> m;
    if (b) m = afgoerelse_modtaget(*b, hverdage ? hverdage->n : -1);
    if (m && m->hvordan == Modtagelse::Hvordan::Fysisk && !hverdage) m.reset();
    if (!m) {
        ev.ctx.read_missing(kAfgoerelseModtaget);
        if (!b || !b->afgoerelse_sendt) ev.ctx.read_missing("bevilling.afgoerelse_sendt");
        if (!b || !b->afgoerelse_kanal) ev.ctx.read_missing("bevilling.afgoerelse_kanal");
        return std::nullopt;
    }
    if (m->hvordan == Modtagelse::Hvordan::Kendt) {
        ev.ctx.read_date(kAfgoerelseModtaget, m->dato);
        return m->dato;
    }
    ev.ctx.read_date("bevilling.afgoerelse_sendt", *b->afgoerelse_sendt);
    ev.ctx.read_date("bevilling.afgoerelse_modtaget (udledt)", m->dato);
    // What the derivation used: the channel, and for a letter the national parameter.
    ev.ctx.read_value("bevilling.afgoerelse_kanal", *b->afgoerelse_kanal);
    if (m->hvordan == Modtagelse::Hvordan::Fysisk) ev.ctx.read_value(hverdage->navn, hverdage->vaerdi);
    const bool digital = m->hvordan == Modtagelse::Hvordan::Digital;
    formodet = FormodetModtagelse{*b->afgoerelse_sendt, digital, digital ? 0 : hverdage->n};
    return m->dato;
}

// How a presumed receipt was found, for the trace, written at the end of `out`.
void append_udledning(std::string& out, const FormodetModtagelse& f) {
    auto to = std::back_inserter(out);
    if (f.digital) fmt::format_to(to, "modtagelse udledt: digital post, modtaget samme dag som sendt {}", f.sendt.iso());
    else fmt::format_to(to, "modtagelse udledt: fysisk post, {} hverdage efter brevets dato {} (fysisk_post_hverdage)",
                        f.hverdage, f.sendt.iso());
}

std::string udledning(const FormodetModtagelse& f) {
    std::string out;
    append_udledning(out, f);
    return out;
}

// What the case holds at `sti` but dated after the assessment date (as_of.hpp), if so; a
// date of a grant decided after it went with the grant ("bevilling").
const Udeladt* after_the_date(const Evaluation& ev, std::string_view sti) {
    for (const auto& u : ev.udeladt)
        if (!u.foer_start && (u.sti == sti || (sti.starts_with(u.sti) && sti.size() > u.sti.size() && sti[u.sti.size()] == '.')))
            return &u;
    return nullptr;
}

// A grant with something granted in it, not only a decision's dates (which a refusal has too).
bool has_content(const Bevilling& b) {
    return b.start || b.timer || b.periode || b.pakke || b.form || b.foerstegangs || b.opfoelgning_interval_maaneder;
}

// Whether the case shows the event a start date belongs to, without the date: a grant, an
// application said to be acute or naming what it applies for, a VUM, a complaint already
// reconsidered.
bool event_shown(const Sag& s, std::string_view fra) {
    if (fra.starts_with("bevilling.")) return s.bevilling.has_value();
    if (fra.starts_with("ansoegning.")) return s.ansoegning_akut.has_value() || !s.ansoegte_aktiviteter.empty();
    if (fra.starts_with("vum.")) return s.vum.has_value();
    if (fra.starts_with("klage.")) return s.klage_genvurderet.has_value();
    return false;
}

// An event the case shows, without its date, only by what came after it: a complaint
// reconsidered had been received.
bool shown_by_later(const Sag& s, std::string_view opfyldt) {
    return opfyldt == "klage.modtaget" && s.klage_genvurderet.has_value();
}

// A deadline whose start the case lacks for a reason: an event that has not happened (no
// complaint, no application), or a grant not made yet. Then nothing is missing for the
// caseworker to establish. An event the case shows without its date is not such a reason.
bool start_moot(const Evaluation& ev, const Rule& r) {
    if (!r.fra || r.fra_navn == kAfgoerelseModtaget || r.fra(ev.sag)) return false;
    // A start dated after the assessment date (as_of.hpp): the event has not happened yet,
    // whatever else of it the case shows (the activities an application will ask for).
    if (after_the_date(ev, r.fra_navn)) return true;
    return !event_shown(ev.sag, r.fra_navn);
}

void frister(lua_State* L, Evaluation& ev, const Standard::Meta& meta) {
    std::size_t n = 0;
    for (const Rule& r : ev.standard.rules()) n += r.art == Art::Frist;
    ev.v.frister.reserve(n); // one list, not one per doubling
    for (const Rule& r : ev.standard.rules()) {
        if (r.art != Art::Frist) continue;
        ev.current = &r;
        // A case's own date near the calendar's end (a follow-up in December 2200, a letter
        // sent on 28 December 2200) leaves this one deadline without a date, and the trace
        // says why; the rest of the assessment stands. A length no date could take (12 * 400
        // months) is the rule's error, as before.
        auto left_at_edge = [&](const std::string& why) {
            trace(ev, r, "udeladt", "udeladt: fristen kan ikke beregnes: " + why);
            ev.v.ukontrollerede.push_back({r.regel, {}}); // not computed is not "not due"
        };
        auto at_edge = [&](const DatoFejl& e) {
            if (!e.ved_kanten()) throw;
            left_at_edge(e.what());
        };
        if (r.naar) {
            std::optional<bool> c;
            if (r.forhold >= 0) c = condition(L, ev, r);
            else if (auto edge = call_or_edge(L, ev, r.naar)) {
                left_at_edge(*edge);
                continue;
            } else c = pop_tri(L, r, "naar");
            if (c != true) {
                // Whether the deadline applies, or was met, is not known: named with the others
                // that could not be checked (with the facts it lacked, if any), unless its start
                // is moot. Left out without a word, it would read as no deadline at all.
                if (!c && !start_moot(ev, r))
                    not_checked(ev, r);
                trace(ev, r, c ? "gaelder_ikke" : "ukendt", c ? "gælder ikke for sagen" : "ukendt: udeladt, før det er fastslået");
                continue;
            }
            ev.ctx.missing.clear(); // it holds: what it read is part of why (ansoegning.akut), nothing it lacked
        } else {
            ev.ctx.reset_reads();
        }
        std::optional<Dato> start;
        const Udeladt* later = nullptr; // the start the case has, but after the date
        std::optional<FormodetModtagelse> formodet; // a start the host presumed, for the trace and the text
        if (r.fra && r.fra_navn == kAfgoerelseModtaget) {
            // A known receipt after the date: the citizen has not received the decision yet,
            // and a receipt derived from the letter would contradict the case.
            if ((later = after_the_date(ev, kAfgoerelseModtaget))) {
                ev.ctx.reset_reads();
            } else try {
                start = receipt(ev, formodet);
            } catch (const DatoFejl& e) {
                at_edge(e);
                continue;
            }
            // Presumed received after the date: as a known receipt after it, not yet; unless
            // the event has come (a complaint shows the letter had arrived).
            if (start && formodet && *start > ev.dato &&
                !((r.opfyldt_ved && r.opfyldt_ved(ev.sag)) || shown_by_later(ev.sag, r.opfyldt_navn))) {
                trace(ev, r, "udeladt", fmt::format("udeladt: afgørelsen formodes modtaget {}, efter vurderingsdatoen ({})",
                                                    start->iso(), udledning(*formodet)));
                continue;
            }
        } else if (r.fra) {
            start = r.fra(ev.sag);
            if (start) ev.ctx.read_date(r.fra_navn, *start);
            else if (!(later = after_the_date(ev, r.fra_navn))) ev.ctx.read_missing(r.fra_navn);
        } else if (auto edge = call_or_edge(L, ev, r.fra_fn, true)) { // after what its condition read
            left_at_edge(*edge);
            continue;
        } else {
            start = pop_date(L, r, "fra");
            if (start) ev.ctx.read_date("fra", *start); // the date a function chose (the latest follow-up)
        }
        if (!start) {
            // A start the case has, dated after the assessment date, has not happened yet:
            // nothing for the caseworker to establish. A grant without its start date is.
            if (!later && r.fra && r.fra_navn != kAfgoerelseModtaget && !start_moot(ev, r))
                ev.v.ukontrollerede.push_back({r.regel, {std::string(r.fra_navn)}});
            // A decision sent, but neither its receipt nor how it was sent known: the deadline
            // from the receipt cannot be found, and a complaint could be late. Named with what
            // would give it (receipt() read them as missing).
            // So is one the citizen has complained about: the complaint shows the decision was
            // received, not when (a complaint ten weeks after the decision may be late).
            if (!later && r.fra && r.fra_navn == kAfgoerelseModtaget &&
                ((ev.sag.bevilling && ev.sag.bevilling->afgoerelse_sendt) || ev.sag.klage_modtaget ||
                 ev.sag.klage_genvurderet)) // a complaint reconsidered had come
                not_checked(ev, r);
            // A start its function could not give for want of a finding (a follow-up's form,
            // when only one with the citizen counts), or of a date a grant with hours, a package
            // or a form lacks (its start), is for the caseworker to establish; an absent date
            // with no grant yet, or with only a decision's dates (a refusal, as likely), is not.
            if (!r.fra) {
                const bool granted = ev.sag.bevilling && has_content(*ev.sag.bevilling);
                std::vector<std::string> findings;
                for (auto m : ev.ctx.missing)
                    if (kan_varieres(m) || (granted && m.starts_with("bevilling."))) findings.emplace_back(m);
                if (!findings.empty()) ev.v.ukontrollerede.push_back({r.regel, std::move(findings)});
            }
            trace(ev, r, "udeladt",
                  later    ? fmt::format("udeladt: {} ({}) er efter vurderingsdatoen", later->sti, later->dato.iso())
                  : r.fra  ? fmt::format("udeladt: fristen regnes fra {} ({}), som sagen ikke har", datosti_tekst(r.fra_navn), r.fra_navn)
                           : std::string("udeladt: sagen har ikke den dato, fristen regnes fra"));
            continue;
        }
        // Taken, not copied: the next call() starts the context afresh, and every way out
        // below restores them before the trace reads the context.
        // Set aside by swapping with the context's spare vectors, not moved into new ones: both
        // keep their capacity, so a deadline with functions allocates nothing here.
        auto& reads_dates = ev.ctx.aside.dates;
        auto& reads_missing = ev.ctx.aside.missing;
        auto& reads_values = ev.ctx.aside.values;
        auto& reads_comparisons = ev.ctx.aside.comparisons;
        reads_dates.swap(ev.ctx.dates);
        reads_missing.swap(ev.ctx.missing);
        reads_values.swap(ev.ctx.values);
        reads_comparisons.swap(ev.ctx.comparisons);
        ev.ctx.aside.afkortet = ev.ctx.afkortet;
        ev.ctx.reset_reads();
        // A function's reads join the rule's: a length or an event that depends on an
        // absent fact (not an event that has not happened) is named, and checked.
        // A path read by the start and again by the length is one key in the trace's objects.
        auto keep_reads = [&](bool facts_only) {
            for (auto& d : ev.ctx.dates) add_unique_key(reads_dates, d);
            for (auto m : ev.ctx.missing)
                if (!facts_only || kan_varieres(m)) add_unique_view(reads_missing, m);
            // A rule's bounds hold for its functions' reads together, as for one function's.
            for (auto& x : ev.ctx.values)
                if (reads_values.size() < ev.ctx.bounds.values) add_unique_key(reads_values, x);
                else ev.ctx.afkortet = true;
            for (auto& c : ev.ctx.comparisons)
                if (std::find(reads_comparisons.begin(), reads_comparisons.end(), c) != reads_comparisons.end()) continue;
                else if (reads_comparisons.size() < ev.ctx.bounds.comparisons) reads_comparisons.push_back(c);
                else ev.ctx.afkortet = true;
            ev.ctx.aside.afkortet |= ev.ctx.afkortet;
        };
        // The rule's reads become the ones the trace records; the set-aside ones are emptied,
        // as a moved-from vector was.
        auto restore_reads = [&] {
            ev.ctx.dates.swap(reads_dates);
            ev.ctx.missing.swap(reads_missing);
            ev.ctx.values.swap(reads_values);
            ev.ctx.comparisons.swap(reads_comparisons);
            std::swap(ev.ctx.afkortet, ev.ctx.aside.afkortet);
            ev.ctx.aside.afkortet = false;
            reads_dates.clear();
            reads_missing.clear();
            reads_values.clear();
            reads_comparisons.clear();
        };
        std::optional<Varighed> varighed = r.varighed;
        if (r.varighed_fn) {
            if (auto edge = call_or_edge(L, ev, r.varighed_fn)) {
                restore_reads();
                left_at_edge(*edge);
                continue;
            }
            if (auto* d = bind::to_varighed(L, -1)) varighed = *d;
            else if (!lua_isnil(L, -1))
                rule_error(L, r, std::string("'varighed' skal give en varighed eller nil"), "varighed");
            if (varighed && varighed->n < 0)
                rule_error(L, r, fmt::format("'varighed' gav en negativ længde, {}; en frist er 0 eller mere", varighed->tekst()),
                           "varighed");
            lua_pop(L, 1);
            // A length it gave despite an absent number (the decision sets no interval, so the
            // standard's applies) lacks nothing; an absent finding it read is still named.
            keep_reads(varighed.has_value());
        }
        if (!varighed) {
            restore_reads();
            // the case has the start, but not what the length needs: for the caseworker to find
            if (!ev.ctx.missing.empty())
                not_checked(ev, r);
            trace(ev, r, "udeladt", "udeladt: varigheden kan ikke fastslås");
            continue;
        }
        std::optional<Dato> event;
        bool event_unknown = false; // it happened (opfyldt_ved gave false, or a later event shows it), when is unknown
        if (r.opfyldt_ved) {
            event = r.opfyldt_ved(ev.sag);
            if (event) add_unique_key(reads_dates, {r.opfyldt_navn, *event});
            else if ((event_unknown = shown_by_later(ev.sag, r.opfyldt_navn)))
                add_unique_view(reads_missing, r.opfyldt_navn); // what would tell
        } else if (r.opfyldt_fn) {
            if (auto edge = call_or_edge(L, ev, r.opfyldt_fn)) {
                restore_reads();
                left_at_edge(*edge);
                continue;
            }
            if (lua_type(L, -1) == LUA_TBOOLEAN && !lua_toboolean(L, -1)) {
                lua_pop(L, 1);
                event_unknown = true;
            } else {
                event = pop_date(L, r, "opfyldt_ved");
            }
            keep_reads(!event_unknown); // unknown: what it lacked is what would tell
        }
        // The municipality's event dated before its deadline began (a new decision before the
        // complaint came, a plan before the grant's start) is not what meets it; the trace and
        // the warning say it was not counted. A citizen who acts early (complains before the
        // presumed receipt of the letter) has acted in time.
        std::optional<Dato> foer_start;
        if (event && *event < *start && r.paahviler == Paahviler::Kommune)
            foer_start = std::exchange(event, std::nullopt);
        const auto ikke_talt = [&](bool iso) {
            return fmt::format("{} {} er før fristens start og opfylder den ikke",
                               r.opfyldt_navn.empty() ? std::string_view("hændelsen") : r.opfyldt_navn,
                               iso ? foer_start->iso() : foer_start->tekst());
        };
        Frist f{*start, *varighed, r.flyt, r.paahviler};
        Dato due;
        FristStatus status{};
        try {
            due = f.dato();
            status = f.status(ev.dato, event);
        } catch (const DatoFejl& e) {
            restore_reads();
            at_edge(e);
            continue;
        }
        // An event the case shows without its date (opfyldt_ved gave false): a deadline still
        // to come stands as it is; one gone by is not decided, and not checked.
        if (event_unknown && status != FristStatus::Kommende) {
            restore_reads();
            ev.ctx.read_date("frist", due);
            not_checked(ev, r);
            trace(ev, r, "ukendt",
                  fmt::format("ukendt: sagen viser ikke, om det skete inden fristen ({}), eller hvornår", due.iso()));
            continue;
        }
        // An event that shows only that the deadline had been met by its date (opfyldt_senest),
        // dated after the deadline, leaves open whether it was: not decided, and not checked.
        if (r.opfyldt_senest && event && *event <= ev.dato && *event > due) {
            restore_reads();
            ev.ctx.read_date("frist", due);
            ev.v.ukontrollerede.push_back({r.regel, {}});
            trace(ev, r, "ukendt",
                  fmt::format("ukendt: {} ({}) viser kun, at det var sket senest den dag, ikke om det skete inden fristen ({})",
                              r.opfyldt_navn.empty() ? std::string_view("hændelsen") : r.opfyldt_navn, event->iso(), due.iso()));
            continue;
        }
        ev.v.frister.push_back({r.regel, f, due, status, event && *event <= ev.dato ? event : std::nullopt, formodet});
        restore_reads();
        ev.ctx.read_date("frist", due);
        // One string, written in place: a deadline with a presumed receipt made four.
        std::string res;
        res.reserve(formodet ? 128 : 32);
        res += due.iso();
        res += ' ';
        res += status_navn(status);
        if (formodet) {
            res += " (";
            append_udledning(res, *formodet);
            res += ')';
        }
        if (foer_start) res += " (" + ikke_talt(true) + ")";
        const bool antaget = r.regel->antagelse || formodet.has_value(); // a presumed receipt is an assumption too
        trace(ev, r, status_navn(status), std::move(res));
        if (status == FristStatus::Overskredet)
            ev.v.advarsler.push_back(
                {meta.frist_overskredet.id,
                 event && *event <= ev.dato
                     ? fmt::format("Fristen '{}' ({}) var {} og blev overskredet: opfyldt først {}", r.regel->tekst,
                                   r.regel->id, due.tekst(), event->tekst())
                     : fmt::format("Fristen '{}' ({}) var {} og er overskredet{}", r.regel->tekst, r.regel->id, due.tekst(),
                                   foer_start ? "; " + ikke_talt(false) : std::string()),
                 r.regel->kilde, {}, antaget}); // a deadline the script assumed: so is its breach
        if (status == FristStatus::ForSent)
            ev.v.advarsler.push_back({meta.efter_fristen.id,
                                      fmt::format("Fristen '{}' ({}) udløb {}, men hændelsen, der opfylder den{}, kom først {}. "
                                                  "Myndigheden skal stadig tage stilling til, om henvendelsen skal behandles, "
                                                  "og begrunde det, hvis den afvises",
                                                  r.regel->tekst, r.regel->id, due.tekst(),
                                                  r.opfyldt_navn.empty() ? std::string() : fmt::format(" ({})", r.opfyldt_navn),
                                                  event->tekst()),
                                      meta.efter_fristen.kilde, {}, antaget});
    }
}

// One period of an hours deviation, the table at the top of the stack:
// { periode = "uge"|"maaned", fra = Dato (a day in the period), leveret = timer, bevilget = timer }.
Periodeafvigelse take_period(lua_State* L, const Rule& r) {
    auto field_error = [&](const char* felt, const char* expected) {
        rule_error(L, r, fmt::format("en periode i 'afvigelser' skal have '{}' som {}", felt, expected), "afvigelser");
    };
    lua_getfield(L, -1, "periode");
    const char* periode = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : nullptr;
    const bool uge = periode && std::string_view(periode) == "uge";
    if (!periode || (!uge && std::string_view(periode) != "maaned")) field_error("periode", "\"uge\" eller \"maaned\"");
    lua_pop(L, 1);
    lua_getfield(L, -1, "fra");
    Dato* fra = bind::to_dato(L, -1);
    if (!fra) field_error("fra", "en dato i perioden");
    const Dato d = *fra;
    lua_pop(L, 1);
    double timer[2];
    const char* names[2] = {"leveret", "bevilget"};
    for (int i = 0; i < 2; ++i) {
        lua_getfield(L, -1, names[i]);
        int ok = 0;
        timer[i] = double(lua_tonumberx(L, -1, &ok));
        if (!ok || !(timer[i] >= 0 && timer[i] <= 1e6)) field_error(names[i], "et antal timer (0 til 1.000.000)");
        lua_pop(L, 1);
    }
    return Periodeafvigelse::om(uge, d, timer[0], timer[1]);
}

// A krav's deviations as warnings, in the order the rule gave them: each text one
// warning; consecutive periods deviating the same way one warning with range and total.
// A case can have many (a year of evening visits): the first kMaxAfvigelser warnings are
// shown and the rest counted in one last warning, so the output stays bounded and the
// case is still assessed. Every entry is checked, shown or not.
class KravWarnings {
public:
    KravWarnings(Evaluation& ev, const Rule& r) : ev_(ev), r_(r) {}

    bool shows_next() const { return shown_ < std::size_t(kMaxAfvigelser); }
    void text(std::string detail) {
        close_run();
        ++found_;
        if (!shows_next()) {
            ++hidden_;
            return;
        }
        ev_.v.advarsler.push_back({r_.regel->id, with_rule(detail), r_.regel->kilde, {}, r_.regel->antagelse});
        ++shown_;
    }
    void period(const Periodeafvigelse& p) {
        ++found_;
        if (run_ && fortsaetter(ev_.v.advarsler[*run_].perioder.back(), p)) {
            if (periods_shown_ < kMaxPerioderVist) {
                ev_.v.advarsler[*run_].perioder.push_back(p);
                ++periods_shown_;
                return;
            }
            // the run goes on past what is shown: its text covers the periods shown, and
            // the rest of it is counted with what is not shown
            close_run();
            ++hidden_;
            hidden_run_ = p;
            return;
        }
        if (hidden_run_ && fortsaetter(*hidden_run_, p)) {
            hidden_run_ = p;
            return;
        }
        close_run();
        if (!shows_next() || periods_shown_ >= kMaxPerioderVist) {
            ++hidden_;
            hidden_run_ = p;
            return;
        }
        ev_.v.advarsler.push_back({r_.regel->id, {}, r_.regel->kilde, {p}, r_.regel->antagelse});
        run_ = ev_.v.advarsler.size() - 1;
        ++shown_;
        ++periods_shown_;
    }
    // Closes the last run and adds the count of what was not shown; the entries found.
    std::size_t finish() {
        close_run();
        if (hidden_)
            ev_.v.advarsler.push_back({r_.regel->id,
                                       with_rule(fmt::format("og {} afvigelse{} mere, som ikke vises hver for sig (højst {} vises)",
                                                             hidden_, hidden_ == 1 ? "" : "r", kMaxAfvigelser)),
                                       r_.regel->kilde, {}, r_.regel->antagelse});
        return found_;
    }

private:
    // "Afvigelse fra '<the requirement>': <what>": the requirement's own text alone reads as
    // if it were met.
    std::string with_rule(const std::string& d) const {
        return fmt::format("Afvigelse fra '{}'{}{}", r_.regel->tekst, d.empty() ? "" : ": ", d);
    }
    void close_run() {
        if (run_) ev_.v.advarsler[*run_].tekst = with_rule(perioder_tekst(ev_.v.advarsler[*run_].perioder));
        run_.reset();
        hidden_run_.reset();
    }

    Evaluation& ev_;
    const Rule& r_;
    std::size_t shown_ = 0, hidden_ = 0, found_ = 0, periods_shown_ = 0;
    std::optional<std::size_t> run_;               // the shown warning a period may continue
    std::optional<Periodeafvigelse> hidden_run_;   // the last period of a run not shown
};

// Whether the table at `t` holds exactly the keys 1..n (n its length). An empty list that
// holds names instead (the parameters P, { fejl = "..." }) is a slip, not "no deviations";
// a name beside a list, or an element past a hole ({ [1] = "a", [3] = "b" } has length 1),
// would be dropped in silence. A table with a metatable but no sealed contents is the
// host's (P reads its values through a function): refused when empty, as before.
bool exactly_list(lua_State* L, int t, lua_Integer n) {
    t = lua_absindex(L, t);
    if (lua_getmetatable(L, t)) {
        lua_pop(L, 1);
        sandbox::frozen_contents(L, t);
        if (lua_rawequal(L, -1, t)) {
            lua_pop(L, 1);
            return n > 0;
        }
    } else {
        lua_pushvalue(L, t);
    }
    lua_Integer keys = 0;
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        lua_pop(L, 1);
        if (++keys > n) {
            lua_pop(L, 2);
            return false;
        }
    }
    lua_pop(L, 1);
    return keys == n;
}

// A deviation whose text says there is none ("overholdt", "ok", ""): a rule meaning "{}"
// would otherwise warn on every case with that text.
void refuse_no_deviation_text(lua_State* L, const Rule& r) {
    std::size_t n = 0;
    const char* p = lua_tolstring(L, -1, &n);
    if (n > 20) return; // a deviation's text, as nearly all are
    std::string t;
    for (std::size_t i = 0; i < n && t.size() <= 20; ++i)
        if (p[i] != ' ') t += char(p[i] >= 'A' && p[i] <= 'Z' ? p[i] - 'A' + 'a' : p[i]);
    static constexpr std::string_view kNone[] = {"", "overholdt", "ok", "opfyldt", "ingen", "ingenafvigelser", "ingenafvigelse"};
    if (std::find(std::begin(kNone), std::end(kNone), t) != std::end(kNone))
        rule_error(L, r,
                   fmt::format("'afvigelser' gav teksten \"{}\", som ville blive vist som en afvigelse; giv {{}} (en tom "
                               "liste), når kravet er overholdt, og nil, når det ikke kan vurderes",
                               std::string(p, std::min<std::size_t>(n, 40))),
                   "afvigelser");
}

void krav(lua_State* L, Evaluation& ev) {
    for (const Rule& r : ev.standard.rules()) {
        if (r.art != Art::Krav) continue;
        ev.current = &r;
        // As a deadline's (frister): a date at the calendar's edge leaves this one unchecked.
        if (auto edge = call_or_edge(L, ev, r.afvigelser)) {
            trace(ev, r, "ukendt", "kunne ikke vurderes: " + *edge);
            ev.v.ukontrollerede.push_back({r.regel, {}}); // unchecked, not "no deviations"
            continue;
        }
        KravWarnings warnings(ev, r);
        bool checked = true;
        switch (lua_type(L, -1)) {
        case LUA_TNIL: checked = false; break;
        case LUA_TBOOLEAN:
            if (lua_toboolean(L, -1)) warnings.text({});
            break;
        case LUA_TSTRING:
            refuse_no_deviation_text(L, r);
            warnings.text(take_text(L, ev, r, "afvigelser"));
            break;
        case LUA_TTABLE: {
            const lua_Integer n = luaL_len(L, -1);
            if (n > kMaxPoster)
                rule_error(L, r, fmt::format("'afvigelser' gav {} afvigelser; højst {} — saml dem i færre tekster", n, kMaxPoster),
                           "afvigelser");
            if (!exactly_list(L, -1, n))
                rule_error(L, r,
                           n == 0 ? std::string("'afvigelser' skal give en liste af tekster eller perioder, men gav en "
                                                "tabel med navngivne felter")
                                  : fmt::format("'afvigelser' gav en liste, der har andet end afvigelse 1 til {}: "
                                                "navngivne felter, eller et hul før en afvigelse (som t[1] og t[3] "
                                                "uden t[2]), som ellers ville blive væk; giv en liste uden huller, "
                                                "{{ \"a\", \"b\" }}, og tilføj med t[#t + 1] = …", n),
                           "afvigelser");
            for (lua_Integer i = 1; i <= n; ++i) {
                lua_geti(L, -1, i);
                if (lua_type(L, -1) == LUA_TTABLE) warnings.period(take_period(L, r));
                else if (lua_type(L, -1) != LUA_TSTRING)
                    rule_error(L, r, std::string("'afvigelser' skal give en liste af tekster eller perioder"), "afvigelser");
                else {
                    refuse_no_deviation_text(L, r);
                    if (warnings.shows_next()) warnings.text(take_text(L, ev, r, "afvigelser"));
                    else {
                        check_text(L, r, "afvigelser"); // not shown, but still checked
                        warnings.text({});
                    }
                }
                lua_pop(L, 1);
            }
            break;
        }
        default:
            rule_error(L, r,
                       fmt::format("'afvigelser' skal give nil, true/false, en tekst eller en liste af tekster, men gav {}",
                                   bind::type_text(L, -1)),
                       "afvigelser");
        }
        lua_pop(L, 1);
        const std::size_t found = warnings.finish();
        // A case with no grant yet (an application): a requirement on the grant, or on the
        // deliveries and cancellations under it, is not one the caseworker could not check,
        // it does not apply yet.
        const auto venter_paa_bevilling = [&] {
            return !ev.sag.bevilling && !ev.ctx.missing.empty() &&
                   std::all_of(ev.ctx.missing.begin(), ev.ctx.missing.end(), [](std::string_view m) {
                       return m.starts_with("bevilling.") || m == "leverancer" || m == "afbud";
                   });
        };
        const bool venter = !checked && venter_paa_bevilling();
        if (!checked && !venter)
            not_checked(ev, r);
        // The trace says why `ukontrollerede` does not name it: a requirement on a grant not
        // made yet is unknown, but not for the caseworker to establish (it said only "kunne
        // ikke vurderes"). The outcome stays "ukendt": the rule did not decide.
        trace(ev, r, !checked ? "ukendt" : found == 0 ? "overholdt" : "afvigelse",
              venter     ? "gælder ikke endnu: sagen har ingen bevilling"
              : !checked ? "kunne ikke vurderes"
              : found == 0 ? "overholdt"
                           : fmt::format("{} afvigelse{}", found, found == 1 ? "" : "r"));
    }
}

} // namespace

namespace {

// The host's own reason for leaving events out, in the trace like a rule's.
const Regel kSagPaaDato = [] {
    Regel r;
    r.id = "sag_paa_dato";
    r.tekst = "Vurderingen ser kun, hvad der var sket på vurderingsdatoen";
    r.kilde = "Kvalitet: en vurdering på en dato ser kun hændelser til og med datoen (kontrakten)";
    r.prepare_json();
    return r;
}();

void left_out(Evaluation& ev) {
    if (ev.udeladt.empty() || ev.spor == SporNiveau::Ingen) return;
    std::string after, before;
    for (const auto& u : ev.udeladt) {
        std::string& list = u.foer_start ? before : after;
        list += fmt::format("{}{} ({})", list.empty() ? "" : ", ", u.sti, u.dato.iso());
    }
    std::string res;
    if (!after.empty()) res = "efter vurderingsdatoen, ikke medregnet: " + after;
    if (!before.empty()) res += (res.empty() ? "" : "; ") + std::string("før bevillingens start, hører ikke til bevillingen: ") + before;
    new_post(ev) = SporPost{Trin::Maalgruppe, &kSagPaaDato, "udeladt", std::move(res), {}, {}, {}, {}};
}

} // namespace

int evaluate(lua_State* L) {
    auto& ev = *static_cast<Evaluation*>(lua_touserdata(L, 1));
    const auto& meta = *ev.standard.meta_;
    std::string error;
    // A C++ exception of the host's (a deadline computed past the calendar's range) must
    // not cross lua_pcall, where it would arrive as junk: it becomes a Lua error here,
    // after the catch, and Standard::vurder names the rule that was running.
    try {
        bind::push_sag(L, ev.ctx);
        bind::push_dato(L, ev.dato);
        left_out(ev);
        maalgruppe(L, ev);
        aktiviteter(L, ev, meta);
        pakke(L, ev, meta);
        frister(L, ev, meta);
        krav(L, ev);
        ev.current = nullptr;
        return 0;
    } catch (const std::exception& e) {
        error = e.what();
    }
    lua_pushlstring(L, error.data(), error.size());
    return lua_error(L);
}

Vurdering Standard::vurder(const Sag& sag, Dato dato) { return vurder(sag, dato, dato); }

// An entry whose lists grew past what most rules read is not kept with that room: the
// pool stays a few hundred bytes an entry, whatever one case made a rule read.
namespace {
bool oversized(const SporPost& p) {
    return p.resultat.capacity() > 256 || p.datoer.capacity() > 32 || p.mangler.size() > 16 ||
           p.vaerdier.capacity() > 32 || p.sammenligninger.capacity() > 32;
}
} // namespace

void Standard::recycle(Vurdering&& v) {
    // The entries are kept with their lists' room and refilled by the next assessment's
    // trace(); nothing of this case is read again, as every field is set anew. A standard
    // has ~20-60 rules: a longer trace is not kept, so the spare stays under ~2 MB.
    constexpr std::size_t kKept = 256;
    if (v.spor.capacity() <= kKept && v.spor.size() >= spare_spor_.size()) {
        for (auto& p : v.spor)
            if (oversized(p)) p = SporPost{};
        spare_spor_ = std::move(v.spor);
    }
    v.spor.clear(); // what the caller holds keeps nothing of it either way
}

Vurdering Standard::vurder(const Sag& sag, Dato dato, Dato standard_dato) {
    return vurder(sag, dato, standard_dato, SporNiveau::Fuld);
}

// After a case that filled its memory budget: what it built is garbage, but glibc keeps the
// freed pages, and an embedding process stayed at ~200 MB until the handle was closed (a
// routing handle has up to five states). Collected, and the free pages handed back.
void Standard::give_back_memory() {
    lua_gc(*state_, LUA_GCCOLLECT);
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

Vurdering Standard::vurder(const Sag& sag, Dato dato, Dato standard_dato, SporNiveau spor) {
    // Not born on the date: there is no age to assess by (as "alder": -1 is refused).
    if (sag.foedselsdato && *sag.foedselsdato > dato)
        throw InputError(fmt::format("feltet 'borger.foedselsdato': {} ligger efter vurderingsdatoen {}; ret "
                                     "fødselsdatoen, eller vurder på en senere dato",
                                     sag.foedselsdato->iso(), dato.iso()),
                         "ugyldigt_felt", "borger.foedselsdato");
    // The time budget is CPU time, and the collector sweeps as a case allocates: garbage an
    // earlier case left was charged to this one. A case out of time is tried once more on a
    // clean heap (collected outside the budget), so whether a case runs out of time is the
    // case's own doing; but only when the collection freed enough to have cost real time,
    // so that a case that simply loops stops after one budget, as its message says.
    constexpr int kGarbageWorthRetryKb = 16 * 1024; // swept in well under 100 ms
    const int heap_kb = lua_gc(*state_, LUA_GCCOUNT);
    try {
        return vurder_once(sag, dato, standard_dato, spor);
    } catch (const ScriptError& e) {
        if (e.kind() == ScriptError::Kind::Memory) give_back_memory();
        if (e.kind() != ScriptError::Kind::Budget) throw;
        lua_gc(*state_, LUA_GCCOLLECT);
        if (heap_kb - lua_gc(*state_, LUA_GCCOUNT) < kGarbageWorthRetryKb) throw;
        ++retries_;
        return vurder_once(sag, dato, standard_dato, spor);
    }
}

namespace {

// A rule that compares or counts with a text ("kan ikke sammenligne en tekst med et tal")
// most often read a parameter written as a text (vaerdi = "fire", antal = "3"): the message
// names the texts the rule read, so the policy officer finds the parameter, not only the rule.
// Lua's own comparison or arithmetic with a text (lua/danish.cpp words it so), not any
// message a script raised that happens to say "en tekst": only then is the case run again.
bool mentions_text(std::string_view message) {
    const bool lua_operation = message.find("kan ikke sammenligne ") != std::string_view::npos ||
                               message.find("kan ikke regne med ") != std::string_view::npos;
    return lua_operation &&
           (message.find("en tekst") != std::string_view::npos || message.find("to tekster") != std::string_view::npos);
}

std::string texts_read_hint(std::string_view message, const bind::CaseContext& ctx) {
    if (!mentions_text(message)) return {};
    std::vector<std::string> texts;
    for (const auto& [navn, v] : ctx.values) {
        const auto* t = std::get_if<std::string>(&v);
        if (!t) continue;
        if (texts.size() == 3) {
            texts.push_back("…");
            break;
        }
        texts.push_back(fmt::format("{} = \"{}\"", navn, printable_line(utf8_prefix(*t, 40))));
    }
    if (texts.empty()) return {};
    return fmt::format(" (reglen læste {} {}; er et tal skrevet i anførselstegn?)", texts.size() == 1 ? "teksten" : "teksterne",
                       fmt::join(texts, ", "));
}

} // namespace

Vurdering Standard::vurder_once(const Sag& sag, Dato dato, Dato standard_dato, SporNiveau spor) {
    Vurdering v;
    v.spor_niveau = spor;
    const auto& info = meta_->info;
    v.keepalive = meta_;
    v.kommune = info.kommune;
    v.sag_id = sag.id;
    v.ignorerede_felter = sag.ignorerede_felter; // whoever assesses, the fields nobody read are named
    v.vurderingsdato = dato;
    v.titel = info.titel;
    v.godkendt = info.godkendt;
    v.gyldig_fra = info.gyldig_fra;
    v.sha256 = info.sha256;
    if (spor != SporNiveau::Ingen) {
        v.spor = std::move(spare_spor_); // a recycled trace's entries, refilled by trace()
        spare_spor_ = {};
        v.spor.reserve(rules_.size() + sag.ansoegte_aktiviteter.size());
    }

    const SagPaaDato paa_dato = sag_paa_dato(sag, dato);
    const Sag& seen = paa_dato.kopi ? *paa_dato.kopi : sag;
    Evaluation ev{*this, seen, dato, v, *ctx_, paa_dato.udeladt, nullptr};
    ev.spor = spor;
    ev.ctx.sag = &seen;
    ev.ctx.dato = dato;
    ev.ctx.standard_dato = standard_dato;
    ev.ctx.values_wanted = spor == SporNiveau::Fuld;
    ev.ctx.reset_reads();
    struct Done { // a view a script kept refuses to read once the case is gone
        bind::CaseContext& ctx;
        ~Done() {
            ctx.sag = nullptr;
            ctx.values_wanted = true; // the default for whoever uses the context next
        }
    } done{ev.ctx};
    lua_State* L = *state_;
    lua_pushcfunction(L, evaluate);
    lua_pushlightuserdata(L, &ev);
    try {
        state_->call(1, 0);
        v.spor.resize(ev.posts); // the recycled entries this case did not need
    } catch (const ScriptError& e) {
        if (!ev.current) throw;
        const Regel& r = *ev.current->regel;
        text_hint_ = texts_read_hint(e.message(), ev.ctx);
        // Only the full trace records the values read: the same case again with it, so the
        // message is the same at every level of trace (the error is the case's own, and comes again).
        if (text_hint_.empty() && spor != SporNiveau::Fuld && mentions_text(e.message())) try {
                vurder_once(sag, dato, standard_dato, SporNiveau::Fuld);
            } catch (const ScriptError&) {
            }
        throw ScriptError(e.kind(),
                          fmt::format("{} '{}'{}: {}{}", art_navn(ev.current->art), r.id,
                                      sag.id.empty() ? std::string() : fmt::format(" (sag '{}')", sag.id), e.message(),
                                      text_hint_),
                          e.chunk().empty() ? r.fil : e.chunk(), e.chunk().empty() ? r.linje : e.line(),
                          e.traceback())
            .med_sag(sag.id);
    }
    return v;
}

} // namespace kvalitet
