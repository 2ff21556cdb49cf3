// POST /v1/kommuner/{id}/vurdering and …/vurderinger: the cases go to the workers; the
// request's thread waits for its answer (one case) or streams the answers in input order
// (NDJSON), never holding more than a window of them.
#include <fmt/format.h>

#include <future>
#include <variant>

#include "server/fejl_svar.hpp"
#include "server/parametre.hpp"
#include "server/tjeneste.hpp"

namespace kvalitet::server {

namespace {

struct Linje {
    std::string_view tekst;
    std::size_t nr; // 1-based, blank lines counted, as `vurder --ndjson` numbers them
};

// Calls f(line, nr) for each of the body's lines as `vurder --ndjson` reads them: a '\r'
// before '\n' dropped, blank lines skipped but counted.
template <class F>
void each_line(std::string_view krop, F f) {
    std::size_t nr = 0;
    while (!krop.empty()) {
        const auto nl = krop.find('\n');
        std::string_view l = krop.substr(0, nl);
        krop = nl == std::string_view::npos ? std::string_view() : krop.substr(nl + 1);
        if (nl != std::string_view::npos && !l.empty() && l.back() == '\r') l.remove_suffix(1);
        ++nr;
        if (l.find_first_not_of(" \t\r") != std::string_view::npos) f(l, nr);
    }
}

// How many lines the index will hold: its room is taken before it is made.
std::size_t count_lines(std::string_view krop) {
    std::size_t n = 0;
    each_line(krop, [&](std::string_view, std::size_t) { ++n; });
    return n;
}

// The index of the body's lines, `n` of them (count_lines), in one allocation.
std::vector<Linje> lines(std::string_view krop, std::size_t n) {
    std::vector<Linje> out;
    out.reserve(n);
    each_line(krop, [&](std::string_view l, std::size_t nr) { out.push_back({l, nr}); });
    return out;
}

using Resultater = std::vector<Resultat>;

struct Batch {
    std::string krop; // the request's body: the lines point into it
    std::shared_ptr<Kropkvote> kvote; // what krop and linjer hold of maks_kroppe, until the batch is done
    Bestilling bestilling;
    std::vector<Linje> linjer;
    std::size_t parti = 64;
    std::vector<std::future<Resultater>> svar; // one per part, filled as parts are queued

    std::size_t partier() const { return (linjer.size() + parti - 1) / parti; }
};

// The job for part `i`: its promise is the job's own, so a job dropped unrun still
// wakes its waiter (broken_promise) instead of leaving it waiting.
Arbejdere::Job part_job(std::shared_ptr<Batch> b, std::size_t i, std::shared_ptr<std::promise<Resultater>> p) {
    return [b = std::move(b), i, p = std::move(p)](StandardLager& lager) {
        try {
            Resultater r;
            const std::size_t end = std::min(b->linjer.size(), (i + 1) * b->parti);
            for (std::size_t k = i * b->parti; k < end; ++k) r.push_back(vurder_sag(lager, b->linjer[k].tekst, b->bestilling, b->linjer[k].nr));
            p->set_value(std::move(r));
        } catch (...) {
            p->set_exception(std::current_exception());
        }
    };
}

} // namespace

Svar Tjeneste::vurdering(const Anmodning& a, const std::string& kommune) {
    const auto u = udgave();
    if (auto s = ukendt_kommune(*u, kommune, a.krop)) return std::move(*s);
    auto p = laes_parametre(a.parametre, kommune, true, ind_.i_dag);
    if (Fejl* f = std::get_if<Fejl>(&p)) {
        metrikker_.fejl(f->kode);
        f->sag_id = id_if_any(a.krop); // the contract: whenever the input had an id
        return fejl_svar(*f);
    }
    const Bestilling& b = std::get<Bestilling>(p);
    auto promise = std::make_shared<std::promise<Resultat>>();
    auto future = promise->get_future();
    // The body is read by reference: this thread waits below until the job has run.
    const bool taget = arbejdere_->proev(u, [&a, &b, promise](StandardLager& lager) {
        try {
            promise->set_value(vurder_sag(lager, a.krop, b));
        } catch (...) {
            promise->set_exception(std::current_exception());
        }
    });
    if (!taget) return optaget();
    Resultat r = future.get(); // a job that failed outside vurder_sag rethrows: haandter's 500
    Svar s;
    if (r.fejl) {
        metrikker_.fejl(r.fejl->kode);
        s = fejl_svar(*r.fejl, r.standard_fejl ? 500 : 0);
    } else {
        metrikker_.vurdering(kommune);
        s.krop = std::move(r.ud);
        if (b.tekst) s.type = "text/plain; charset=utf-8";
    }
    s.log->kommune = kommune;
    s.log->sag_id = r.sag_id;
    return s;
}

Svar Tjeneste::vurderinger(Anmodning& a, const std::string& kommune) {
    auto u = udgave(); // the whole batch with one udgave, whatever is reloaded meanwhile
    if (auto s = ukendt_kommune(*u, kommune)) return std::move(*s);
    auto p = laes_parametre(a.parametre, kommune, false, ind_.i_dag);
    if (const Fejl* f = std::get_if<Fejl>(&p)) {
        metrikker_.fejl(f->kode);
        return fejl_svar(*f);
    }
    auto batch = std::make_shared<Batch>();
    batch->krop = std::move(a.krop);
    batch->kvote = std::move(a.kvote);
    batch->bestilling = std::get<Bestilling>(p);
    // The index of lines is held as long as the body: its room is taken before it is made
    // (a body of 64 MiB of "1\n" is 768 MB of index).
    const std::size_t n = count_lines(batch->krop);
    // More than the server ever holds at once is no matter of waiting: 413, not 503.
    if (batch->kvote && batch->kvote->holder() + n * sizeof(Linje) > ind_.maks_kroppe) {
        return fejl_svar(fejl("for_stor", fmt::format("anmodningen har {} linjer, og med kroppen fylder de mere end de "
                                                        "{} MiB, tjenesten tager imod på én gang; del sagerne i flere "
                                                        "anmodninger",
                                                        n, ind_.maks_kroppe >> 20)));
    }
    if (batch->kvote && !batch->kvote->tag(n * sizeof(Linje))) return optaget_krop();
    batch->linjer = lines(batch->krop, n);
    batch->parti = ind_.parti;
    batch->svar.resize(batch->partier());

    Svar s;
    s.type = "application/x-ndjson";
    s.log->kommune = kommune;
    if (batch->linjer.empty()) return s;
    // Let in, or 503, on the first part: once the answer has begun, its status is sent.
    auto first = std::make_shared<std::promise<Resultater>>();
    batch->svar[0] = first->get_future();
    if (!arbejdere_->proev(u, part_job(batch, 0, first))) return optaget();

    // Parts in flight at once: enough to keep every worker busy, few enough that a large
    // batch never holds more than a window of answers.
    const std::size_t vindue = std::max<std::size_t>(2, 2 * std::size_t(arbejdere_->traade()));
    s.stroem = [this, u, batch, vindue, kommune, log = s.log](const Skriver& skriv) {
        std::size_t koet = 1;
        bool lukker = false;
        for (std::size_t i = 0; i < batch->partier(); ++i) {
            for (; koet < batch->partier() && koet < i + vindue && !lukker; ++koet) {
                auto pr = std::make_shared<std::promise<Resultater>>();
                batch->svar[koet] = pr->get_future();
                if (!arbejdere_->koe(u, part_job(batch, koet, pr))) {
                    batch->svar[koet] = {}; // never run: answered as "lukker" below
                    lukker = true;
                }
            }
            Resultater r;
            std::optional<Fejl> hele_partiet; // the part as a whole failed (or was never run)
            if (batch->svar[i].valid()) {
                try {
                    r = batch->svar[i].get();
                } catch (...) {
                    hele_partiet = aktuel_fejl();
                }
            } else {
                hele_partiet = fejl("lukker", "serveren lukker ned; send linjen igen senere");
            }
            std::string ud;
            const std::size_t start = i * batch->parti;
            const std::size_t end = std::min(batch->linjer.size(), start + batch->parti);
            for (std::size_t k = start; k < end; ++k) {
                const Resultat* res = hele_partiet ? nullptr : &r[k - start];
                if (res && !res->fejl) {
                    ud += res->ud; // the JSON with its newline, as `vurder --ndjson` writes it
                    metrikker_.vurdering(kommune);
                } else {
                    Fejl f = res ? *res->fejl : *hele_partiet;
                    f.linje = batch->linjer[k].nr;
                    if (res) f.sag_id = res->sag_id;
                    if (f.kode.empty()) f.kode = "ugyldigt_input";
                    ud += fejl_json(f) + "\n";
                    metrikker_.fejl(f.kode);
                    ++log->fejl_linjer;
                }
                ++log->linjer;
            }
            if (!skriv(ud)) return; // the client has gone; parts already queued finish and are dropped
        }
    };
    return s;
}

} // namespace kvalitet::server
