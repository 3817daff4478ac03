// Seeded inputs for tests and benchmarks. Every test draws its inputs from test_seed(), which the
// grader can change (HPC_SEED), so a submission that memorised the outputs of one seed fails.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hpc {

// The seed of this run: $HPC_SEED when set (a decimal number), otherwise a fixed default.
std::uint64_t test_seed();

// `n` values uniform in [lo, hi), reproducible for a given seed.
std::vector<double> random_doubles(std::size_t n, std::uint64_t seed, double lo = -1.0, double hi = 1.0);
// The same values written into `values` in place (the same buffer, new contents): checked timing
// changes a kernel's inputs this way before every timed pair.
void refill_random(std::span<double> values, std::uint64_t seed, double lo = -1.0, double hi = 1.0);
std::vector<float> random_floats(std::size_t n, std::uint64_t seed, float lo = -1.0f, float hi = 1.0f);
std::vector<std::int64_t> random_ints(std::size_t n, std::uint64_t seed, std::int64_t lo, std::int64_t hi);

// A string of `n` characters drawn from `alphabet`.
std::string random_string(std::size_t n, std::uint64_t seed, std::string_view alphabet = "ACGT");

}  // namespace hpc
