// Group 4's question: what parsing the case JSON costs with nlohmann-json (what
// Sag::from_json uses) against Debian's libsimdjson-dev, on the main job's synthetic
// cases. Both build a DOM and walk all of it, so the comparison is like for like; the
// last line is the whole Sag::from_json (simdjson DOM + validation + Sag).
// Plain timers, median of 5 runs over 20,000 cases. Usage: bench_json_parse
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <vector>

#include "domain/sag.hpp"
#include "store/demo_sager.hpp"

using namespace kvalitet;
using Clock = std::chrono::steady_clock;

namespace {

std::size_t walk(const nlohmann::json& j) {
    std::size_t n = 1;
    if (j.is_object() || j.is_array())
        for (const auto& x : j) n += walk(x);
    return n;
}

std::size_t walk(simdjson::dom::element e) {
    std::size_t n = 1;
    simdjson::dom::object o;
    simdjson::dom::array a;
    if (e.get(o) == simdjson::SUCCESS)
        for (auto field : o) n += walk(field.value);
    else if (e.get(a) == simdjson::SUCCESS)
        for (auto x : a) n += walk(x);
    return n;
}

double rate(const std::vector<std::string>& lines, const std::function<std::size_t(const std::string&)>& f) {
    std::vector<double> runs;
    std::size_t sink = 0;
    for (int r = 0; r < 5; ++r) {
        const auto t0 = Clock::now();
        for (const auto& l : lines) sink += f(l);
        runs.push_back(double(lines.size()) / std::chrono::duration<double>(Clock::now() - t0).count());
    }
    std::sort(runs.begin(), runs.end());
    return sink ? runs[2] : 0;
}

} // namespace

int main() {
    const Dato dato = *Dato::parse("2026-11-22");
    std::vector<std::string> lines;
    std::size_t bytes = 0;
    for (std::uint64_t i = 0; i < 20000; ++i) {
        lines.push_back(demo_sag(85, i, dato));
        bytes += lines.back().size();
    }
    const double kb = double(bytes) / double(lines.size()) / 1024;
    simdjson::dom::parser parser;
    const double nl = rate(lines, [](const std::string& l) { return walk(nlohmann::json::parse(l)); });
    const double sj = rate(lines, [&](const std::string& l) { return walk(parser.parse(l).value()); });
    const double sag = rate(lines, [](const std::string& l) { return Sag::from_json(l).leverancer.size() + 1; });
    fmt::print("{} sager, {:.1f} KB pr. sag\n", lines.size(), kb);
    fmt::print("{:<34} {:>10.0f} sager/s {:>8.0f} MB/s\n", "nlohmann-json, DOM + gennemløb", nl, nl * kb / 1024);
    fmt::print("{:<34} {:>10.0f} sager/s {:>8.0f} MB/s\n", "simdjson, DOM + gennemløb", sj, sj * kb / 1024);
    fmt::print("{:<34} {:>10.0f} sager/s\n", "Sag::from_json (simdjson + tjek)", sag);
    fmt::print("simdjson / nlohmann: {:.1f}×\n", sj / nl);
    return 0;
}
