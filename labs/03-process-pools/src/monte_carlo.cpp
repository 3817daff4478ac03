// Exercise 4 — Monte Carlo on the pool. Graded by test_applications (MonteCarlo.*) and
// perf_monte_carlo (parallel efficiency).
#include "hpc/todo.hpp"
#include "lab03/applications.hpp"

namespace hpc::lab03 {

Estimate monte_carlo_pi(ProcessPool& pool, std::uint64_t samples, std::uint64_t seed, std::uint64_t chunks) {
  // TODO(student): one "mc_chunk" input per chunk c: encode_doubles({seed, c, count}) with
  // count = samples * (c + 1) / chunks - samples * c / chunks. Map them (chunksize 1), add the
  // hits, and return 4 p and 4 sqrt(p (1 - p) / samples) for p = hits / samples.
  hpc::todo("monte_carlo_pi");
}

}  // namespace hpc::lab03
