// Given code: the points of one Monte Carlo chunk (see lab04/monte_carlo.hpp).
#include <algorithm>

#include "hpc/rng.hpp"
#include "lab04/monte_carlo.hpp"

namespace hpc::lab04 {

std::uint64_t chunk_hits(std::uint64_t samples, std::uint64_t seed, std::uint64_t chunk) {
  const std::uint64_t first = chunk * kChunkSamples;
  const std::uint64_t count = first < samples ? std::min(kChunkSamples, samples - first) : 0;
  Rng rng = Rng::stream(seed, chunk);
  std::uint64_t hits = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    const double x = rng.uniform(), y = rng.uniform();
    hits += hpc::inside_quarter_circle(x, y) ? 1 : 0;
  }
  return hits;
}

}  // namespace hpc::lab04
