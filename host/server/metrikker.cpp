#include "server/metrikker.hpp"

#include <fmt/format.h>

namespace kvalitet::server {

namespace {

void inc(std::map<std::string, std::uint64_t, std::less<>>& m, std::string_view key) {
    auto it = m.find(key);
    if (it == m.end()) it = m.emplace(std::string(key), 0).first;
    ++it->second;
}

template <typename... A>
void add(std::string& out, fmt::format_string<A...> f, A&&... a) {
    fmt::format_to(std::back_inserter(out), f, std::forward<A>(a)...);
}

// Prometheus prints floats its own way; a bucket bound must read back as the same number.
std::string le(double v) { return fmt::format("{}", v); }

} // namespace

void Metrikker::anmodning(std::string_view rute, int status, std::chrono::nanoseconds varighed) {
    const double s = std::chrono::duration<double>(varighed).count();
    std::lock_guard lock(mutex_);
    ++anmodninger_[{std::string(rute), status}];
    auto it = varighed_.find(rute);
    if (it == varighed_.end()) it = varighed_.emplace(std::string(rute), Histogram{}).first;
    Histogram& h = it->second;
    for (std::size_t i = 0; i < kGraenser.size(); ++i)
        if (s <= kGraenser[i]) {
            ++h.spande[i];
            break;
        }
    ++h.antal;
    h.sum += s;
}

void Metrikker::vurdering(std::string_view kommune) {
    std::lock_guard lock(mutex_);
    inc(vurderinger_, kommune);
}

void Metrikker::fejl(std::string_view kode) {
    std::lock_guard lock(mutex_);
    inc(fejl_, kode);
    if (kode == "budget_overskredet") ++budget_;
}

void Metrikker::afvist_optaget() {
    std::lock_guard lock(mutex_);
    ++afvist_;
}

std::string Metrikker::tekst(const Maalere& nu) const {
    std::lock_guard lock(mutex_);
    std::string out;

    add(out, "# HELP kvalitet_http_anmodninger_total HTTP-anmodninger efter rute og status.\n"
        "# TYPE kvalitet_http_anmodninger_total counter\n");
    for (const auto& [k, n] : anmodninger_)
        add(out, "kvalitet_http_anmodninger_total{{rute=\"{}\",status=\"{}\"}} {}\n", k.first, k.second, n);

    add(out, "# HELP kvalitet_http_varighed_sekunder Tid fra anmodningens hoved er læst, til svaret er skrevet.\n"
        "# TYPE kvalitet_http_varighed_sekunder histogram\n");
    for (const auto& [rute, h] : varighed_) {
        std::uint64_t sum = 0;
        for (std::size_t i = 0; i < kGraenser.size(); ++i) {
            sum += h.spande[i];
            add(out, "kvalitet_http_varighed_sekunder_bucket{{rute=\"{}\",le=\"{}\"}} {}\n", rute, le(kGraenser[i]), sum);
        }
        add(out, "kvalitet_http_varighed_sekunder_bucket{{rute=\"{}\",le=\"+Inf\"}} {}\n", rute, h.antal);
        add(out, "kvalitet_http_varighed_sekunder_sum{{rute=\"{}\"}} {}\n", rute, h.sum);
        add(out, "kvalitet_http_varighed_sekunder_count{{rute=\"{}\"}} {}\n", rute, h.antal);
    }

    add(out, "# HELP kvalitet_vurderinger_total Sager vurderet efter kommune.\n"
        "# TYPE kvalitet_vurderinger_total counter\n");
    for (const auto& [k, n] : vurderinger_) add(out, "kvalitet_vurderinger_total{{kommune=\"{}\"}} {}\n", k, n);

    add(out, "# HELP kvalitet_fejl_total Sager og anmodninger afvist, efter fejlkode (docs/fejlkoder.md).\n"
        "# TYPE kvalitet_fejl_total counter\n");
    for (const auto& [k, n] : fejl_) add(out, "kvalitet_fejl_total{{kode=\"{}\"}} {}\n", k, n);

    add(out, "# HELP kvalitet_lua_budget_overskredet_total Vurderinger stoppet af tids- eller hukommelsesbudgettet.\n"
        "# TYPE kvalitet_lua_budget_overskredet_total counter\n"
        "kvalitet_lua_budget_overskredet_total {}\n",
        budget_);
    add(out, "# HELP kvalitet_afvist_optaget_total Anmodninger afvist med 503, fordi køen var fuld.\n"
        "# TYPE kvalitet_afvist_optaget_total counter\n"
        "kvalitet_afvist_optaget_total {}\n",
        afvist_);
    add(out, "# HELP kvalitet_koe_laengde Vurderingsjob, der venter på en arbejder.\n"
        "# TYPE kvalitet_koe_laengde gauge\n"
        "kvalitet_koe_laengde {}\n"
        "# HELP kvalitet_koe_pladser Pladser i køen.\n"
        "# TYPE kvalitet_koe_pladser gauge\n"
        "kvalitet_koe_pladser {}\n",
        nu.i_koe, nu.pladser);
    add(out, "# HELP kvalitet_kroppe_bytes Bytes af anmodningskroppe, der holdes nu, alle forbindelser tilsammen.\n"
        "# TYPE kvalitet_kroppe_bytes gauge\n"
        "kvalitet_kroppe_bytes {}\n"
        "# HELP kvalitet_kroppe_maks_bytes Grænsen for kroppe, der holdes på én gang (--kroppe).\n"
        "# TYPE kvalitet_kroppe_maks_bytes gauge\n"
        "kvalitet_kroppe_maks_bytes {}\n",
        nu.kroppe, nu.maks_kroppe);
    return out;
}

} // namespace kvalitet::server
