// The case schema's fields as a small constant tree, and the walk over a parsed case that
// finds what lies outside it. The tree mirrors docs/schema/sag.schema.json; the test
// "sag-felter: the reader knows exactly the schema's fields" holds the two together.
#include "domain/sag_felter.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <array>
#include <span>

#include "domain/naermeste_navn.hpp"
#include "domain/sag.hpp"

namespace kvalitet::detail {

namespace {

struct Felt {
    std::string_view navn;
    std::span<const Felt> felter{}; // an object's fields, or those of each element of a list
    bool liste = false;             // a list (of objects when felter is not empty)
    bool aaben = false;             // not walked: its reader judges the names itself
};

template <std::size_t N>
constexpr std::array<Felt, N> leaves(const std::array<std::string_view, N>& ids) {
    std::array<Felt, N> out{};
    for (std::size_t i = 0; i < N; ++i) out[i].navn = ids[i];
    return out;
}

constexpr std::array<Felt, 2> kBorger{{{"alder"}, {"foedselsdato"}}};
constexpr std::array<Felt, 2> kAnsoegning{{{"modtaget"}, {"akut"}}};
constexpr auto kTemaer = leaves(Vum::tema_ids);
constexpr std::array<Felt, 2> kVum{{{"dato"}, {"temaer", kTemaer, false, true}}};
constexpr auto kForhold = leaves(Forhold::ids);
constexpr std::array<Felt, 1> kYdelse{{{"paragraf"}}};
constexpr std::array<Felt, 1> kLeverandoer{{{"naert_beslaegtet"}}};
constexpr std::array<Felt, 12> kBevilling{{{"afgoerelse_dato"},
                                           {"afgoerelse_modtaget"},
                                           {"afgoerelse_sendt"},
                                           {"afgoerelse_kanal"},
                                           {"foerstegangs"},
                                           {"start"},
                                           {"timer"},
                                           {"periode"},
                                           {"pakke"},
                                           {"form"},
                                           {"leverandoer", kLeverandoer},
                                           {"opfoelgning_interval_maaneder"}}};
constexpr std::array<Felt, 2> kOpfoelgning{{{"dato"}, {"form"}}};
constexpr std::array<Felt, 4> kLevering{{{"dato"}, {"start"}, {"minutter"}, {"art"}}};
constexpr std::array<Felt, 2> kAfbud{{{"dato"}, {"af"}}};
constexpr std::array<Felt, 2> kKlage{{{"modtaget"}, {"genvurderet"}}};
constexpr std::array<Felt, 1> kDato{{{"dato"}}};
constexpr std::array<Felt, 15> kSag{{{"id"},
                                     {"kommune"},
                                     {"borger", kBorger},
                                     {"ansoegning", kAnsoegning},
                                     {"vum", kVum},
                                     {"forhold", kForhold},
                                     {"ydelser", kYdelse, true},
                                     {"ansoegte_aktiviteter", {}, true},
                                     {"bevilling", kBevilling},
                                     {"opfoelgninger", kOpfoelgning, true},
                                     {"leverancer", kLevering, true},
                                     {"afbud", kAfbud, true},
                                     {"klage", kKlage},
                                     {"arbejdspladsvurdering", kDato},
                                     {"indsatsplan", kDato}}};

const Felt* find(std::span<const Felt> felter, std::string_view navn) {
    for (const Felt& f : felter)
        if (f.navn == navn) return &f;
    return nullptr;
}

void list_paths(std::span<const Felt> felter, const std::string& prefix, std::vector<std::string>& out) {
    for (const Felt& f : felter) {
        const std::string sti = prefix.empty() ? std::string(f.navn) : prefix + "." + std::string(f.navn);
        out.push_back(sti);
        list_paths(f.felter, f.liste ? sti + "[]" : sti, out);
    }
}

// The walk keeps only the steps to where it is, as views into the document: a path is
// written out only for a field it reports.
class Walk {
public:
    explicit Walk(const std::function<bool(const UkendtFelt&)>& fundet) : fundet_(fundet) {}

    bool object(simdjson::dom::object obj, std::span<const Felt> kendte) {
        for (auto [key, value] : obj) {
            const Felt* f = find(kendte, key);
            if (!f) {
                if (!report(key, kendte)) return false;
                continue;
            }
            if (f->aaben || f->felter.empty()) continue;
            steps_.push_back({key, 0, false});
            const bool more = f->liste ? list(value, f->felter) : enter(value, f->felter);
            steps_.pop_back();
            if (!more) return false;
        }
        return true;
    }

private:
    struct Step {
        std::string_view key;
        std::size_t index;
        bool is_index;
    };

    bool enter(simdjson::dom::element v, std::span<const Felt> kendte) {
        simdjson::dom::object obj;
        return v.get(obj) != simdjson::SUCCESS || object(obj, kendte);
    }

    bool list(simdjson::dom::element v, std::span<const Felt> kendte) {
        simdjson::dom::array items;
        if (v.get(items) != simdjson::SUCCESS) return true;
        std::size_t i = 0;
        for (simdjson::dom::element x : items) {
            steps_.push_back({{}, i++, true});
            const bool more = enter(x, kendte);
            steps_.pop_back();
            if (!more) return false;
        }
        return true;
    }

    bool report(std::string_view key, std::span<const Felt> kendte) {
        UkendtFelt u{path(key), key, {}};
        u.naboer.reserve(kendte.size());
        for (const Felt& f : kendte) u.naboer.push_back(f.navn);
        return fundet_(u);
    }

    std::string path(std::string_view last) const {
        std::string out;
        for (const Step& s : steps_) {
            if (s.is_index) out += fmt::format("[{}]", s.index);
            else (out.empty() ? out : out += '.') += s.key;
        }
        (out.empty() ? out : out += '.') += last;
        return out;
    }

    const std::function<bool(const UkendtFelt&)>& fundet_;
    std::vector<Step> steps_;
};

// Known paths ending in `navn`, with list steps written "[0]" as a case writes them.
void paths_named(std::span<const Felt> felter, std::string_view navn, const std::string& prefix,
                 std::vector<std::string>& out) {
    for (const Felt& f : felter) {
        const std::string sti = prefix.empty() ? std::string(f.navn) : prefix + "." + std::string(f.navn);
        if (f.navn == navn) out.push_back(sti);
        paths_named(f.felter, navn, f.liste ? sti + "[0]" : sti, out);
    }
}

} // namespace

namespace {
bool named(std::span<const Felt> felter, std::string_view navn) {
    for (const Felt& f : felter)
        if (f.navn == navn || named(f.felter, navn)) return true;
    return false;
}
} // namespace

bool kendt_navn(std::string_view navn) { return named(kSag, navn); }

bool er_liste(std::string_view sti) {
    std::span<const Felt> felter = kSag;
    while (true) {
        const auto dot = sti.find('.');
        const std::string_view led = sti.substr(0, dot);
        const auto klamme = led.find('[');
        const Felt* f = find(felter, led.substr(0, klamme));
        if (!f) return false;
        if (dot == std::string_view::npos) return f->liste && klamme == std::string_view::npos;
        felter = f->felter;
        sti = sti.substr(dot + 1);
    }
}

std::vector<std::string> kendte_sagsfelter() {
    std::vector<std::string> out;
    list_paths(kSag, "", out);
    return out;
}

void find_ukendte_felter(const simdjson::dom::element& sag, const std::function<bool(const UkendtFelt&)>& fundet) {
    simdjson::dom::object obj;
    if (sag.get(obj) != simdjson::SUCCESS) return;
    Walk(fundet).object(obj, kSag);
}

std::optional<std::string> foreslaa_felt(const UkendtFelt& felt) {
    const std::string_view parent = std::string_view(felt.sti).substr(0, felt.sti.size() - felt.navn.size());
    if (auto naermest = naermeste_navn(felt.navn, felt.naboer)) return std::string(parent) + *naermest;
    std::vector<std::string> elsewhere;
    paths_named(kSag, felt.navn, "", elsewhere);
    if (elsewhere.size() == 1) return elsewhere.front(); // several: no one guess is right
    return std::nullopt;
}

} // namespace kvalitet::detail
