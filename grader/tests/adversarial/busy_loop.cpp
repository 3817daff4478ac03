// Adversarial submission: spins forever.
#include "lab01/matmul.hpp"

namespace hpc::lab01 {

void matmul([[maybe_unused]] std::span<const double> a, [[maybe_unused]] std::span<const double> b,
            [[maybe_unused]] std::span<double> c, [[maybe_unused]] std::size_t n) {
  for (volatile unsigned long i = 0;; i = i + 1) {
  }
}

}  // namespace hpc::lab01
