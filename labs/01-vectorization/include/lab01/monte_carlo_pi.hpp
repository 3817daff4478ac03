// Exercise 4: Monte Carlo estimate of pi with one random stream per thread.
#pragma once

#include <cstdint>

#include "hpc/rng.hpp"

namespace hpc::lab01 {

using hpc::Rng;  // xoshiro256** with independent streams: common/include/hpc/rng.hpp

// Draws `count` points in the unit square from `rng` and returns how many fall inside the
// quarter circle x^2 + y^2 <= 1.
inline std::uint64_t count_hits(Rng& rng, std::uint64_t count) {
  std::uint64_t hits = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    const double x = rng.uniform(), y = rng.uniform();
    hits += hpc::inside_quarter_circle(x, y) ? 1 : 0;
  }
  return hits;
}

// 4 * hits / samples, with the samples split over `threads` streams: stream t (Rng::stream(seed, t))
// draws samples * t / threads .. samples * (t + 1) / threads. The result depends only on
// (samples, seed, threads), never on timing; with threads == 1 it equals the serial baseline.
double estimate_pi(std::uint64_t samples, std::uint64_t seed, int threads);

}  // namespace hpc::lab01
