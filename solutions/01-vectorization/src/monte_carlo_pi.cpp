// Reference solution: each thread owns a random stream and a contiguous share of the samples and
// counts its hits privately; one reduction adds the counts. Nothing is shared while sampling
// (a shared generator would serialize the threads, and be a data race), and because stream t
// always draws share t, the estimate does not depend on which thread ran first.
#include <stdexcept>

#include "lab01/monte_carlo_pi.hpp"

namespace hpc::lab01 {

double estimate_pi(std::uint64_t samples, std::uint64_t seed, int threads) {
  if (samples == 0) throw std::invalid_argument("estimate_pi needs at least one sample");
  if (threads < 1) throw std::invalid_argument("estimate_pi needs at least one thread");
  std::uint64_t hits = 0;
#pragma omp parallel for num_threads(threads) schedule(static, 1) reduction(+ : hits)
  for (int t = 0; t < threads; ++t) {
    const auto share_begin = samples * static_cast<std::uint64_t>(t) / static_cast<std::uint64_t>(threads);
    const auto share_end = samples * static_cast<std::uint64_t>(t + 1) / static_cast<std::uint64_t>(threads);
    Rng rng = Rng::stream(seed, static_cast<std::uint64_t>(t));
    hits += count_hits(rng, share_end - share_begin);
  }
  return 4.0 * static_cast<double>(hits) / static_cast<double>(samples);
}

}  // namespace hpc::lab01
