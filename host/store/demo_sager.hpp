#pragma once
// Synthetic cases for the demo store and the benchmarks: no real people. Case i depends
// only on (seed, i, reference date), so any slice of the stream is reproducible.
#include <cstdint>
#include <string>

#include "domain/dato.hpp"

namespace kvalitet {

// The case JSON (contract) of synthetic case `index`, spread over the five municipalities
// and over every field of the contract; dates fall in the two years before `ref`.
std::string demo_sag(std::uint64_t seed, std::uint64_t index, Dato ref);

} // namespace kvalitet
