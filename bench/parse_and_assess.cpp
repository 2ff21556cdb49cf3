// Prints cases per second on one core for: parsing a typical case (JSON → Sag), parsing
// plus pushing it to Lua, and a full Varde assessment with its JSON. Run by `make bench`.
#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "bind/bind.hpp"
#include "engine/standard.hpp"

using namespace kvalitet;
using Clock = std::chrono::steady_clock;

template <class F>
double per_second(int n, F&& f) {
    auto t0 = Clock::now();
    for (int i = 0; i < n; ++i) f();
    double s = std::chrono::duration<double>(Clock::now() - t0).count();
    return n / s;
}

int main(int argc, char** argv) {
    const std::string root = argc > 1 ? argv[1] : ".";
    std::ifstream in(root + "/docs/eksempler/sag.json");
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string json = ss.str();
    Sources sources = Sources::directory(root);
    auto standard = Standard::load(sources, "varde");
    const Dato dato = *Dato::parse("2026-11-22");
    constexpr int n = 100000;

    double parse = per_second(n, [&] { volatile auto s = Sag::from_json(json).leverancer.size(); (void)s; });
    lua_State* L = standard->state();
    bind::CaseContext ctx;
    double push = per_second(n, [&] {
        Sag s = Sag::from_json(json);
        ctx.sag = &s;
        bind::push_sag(L, ctx);
        lua_pop(L, 1);
    });
    Sag sag = Sag::from_json(json);
    double assess = per_second(n, [&] { volatile auto k = standard->vurder(sag, dato).spor.size(); (void)k; });
    double assess_json = per_second(n, [&] { volatile auto k = standard->vurder(sag, dato).json().size(); (void)k; });
    fmt::print("parse case JSON              {:>10.0f} cases/s\n", parse);
    fmt::print("parse + push to Lua          {:>10.0f} cases/s\n", push);
    fmt::print("assess (Varde, parsed case)  {:>10.0f} cases/s\n", assess);
    fmt::print("assess + assessment JSON     {:>10.0f} cases/s\n", assess_json);
}
