// Adversarial submission: sleeps forever (a deadlock looks the same to the grader).
#include <chrono>
#include <thread>

#include "lab01/matmul.hpp"

namespace hpc::lab01 {

void matmul([[maybe_unused]] std::span<const double> a, [[maybe_unused]] std::span<const double> b,
            [[maybe_unused]] std::span<double> c, [[maybe_unused]] std::size_t n) {
  for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
}

}  // namespace hpc::lab01
