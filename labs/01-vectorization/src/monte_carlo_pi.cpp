// Exercise 4 — Monte Carlo pi with per-thread random streams. Graded by test_monte_carlo_pi
// (reproducibility, accuracy) and perf_monte_carlo_pi (parallel efficiency).
#include "hpc/todo.hpp"
#include "lab01/monte_carlo_pi.hpp"

namespace hpc::lab01 {

double estimate_pi(std::uint64_t samples, std::uint64_t seed, int threads) {
  // TODO(student): split the samples over `threads` OpenMP threads exactly as the header says:
  // stream t = Rng::stream(seed, t) draws samples*t/threads .. samples*(t+1)/threads points,
  // counted with count_hits(). Add the hit counts with an OpenMP reduction (no shared counter,
  // no shared generator) and return 4 * hits / samples.
  // Throw std::invalid_argument when samples == 0 or threads < 1.
  hpc::todo("estimate_pi");
}

}  // namespace hpc::lab01
