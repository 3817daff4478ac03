#include "baseline.hpp"

namespace hpc::lab01::baseline {

// One thread, one stream: stream 0 draws every sample.
double estimate_pi(std::uint64_t samples, std::uint64_t seed) {
  Rng rng = Rng::stream(seed, 0);
  return 4.0 * static_cast<double>(count_hits(rng, samples)) / static_cast<double>(samples);
}

}  // namespace hpc::lab01::baseline
