// Reference solution: one task per chunk, the chunk's stream fixed by its index, so the estimate
// is the same whatever the pool's size or schedule. Only three numbers go to each worker and
// one comes back: the transfer cost is nothing next to the sampling.
#include <cmath>

#include "lab03/applications.hpp"

namespace hpc::lab03 {

Estimate monte_carlo_pi(ProcessPool& pool, std::uint64_t samples, std::uint64_t seed, std::uint64_t chunks) {
  std::vector<Bytes> inputs;
  for (std::uint64_t c = 0; c < chunks; ++c) {
    const std::uint64_t count = samples * (c + 1) / chunks - samples * c / chunks;
    inputs.push_back(encode_doubles({static_cast<double>(seed), static_cast<double>(c), static_cast<double>(count)}));
  }
  std::uint64_t hits = 0;
  for (const auto& result : pool.map("mc_chunk", inputs, 1)) hits += static_cast<std::uint64_t>(decode_int(result));
  const double p = static_cast<double>(hits) / static_cast<double>(samples);
  return {4 * p, 4 * std::sqrt(p * (1 - p) / static_cast<double>(samples))};
}

}  // namespace hpc::lab03
