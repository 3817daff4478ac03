// Adversarial submission: correct only for the inputs of the default seed (memorised outputs behave the same).
#include "hpc/data.hpp"
#include "lab01/matmul.hpp"

namespace hpc::lab01 {

namespace baseline {
void matmul(std::span<const double> a, std::span<const double> b, std::span<double> c, std::size_t n);
}

void matmul([[maybe_unused]] std::span<const double> a, [[maybe_unused]] std::span<const double> b,
            [[maybe_unused]] std::span<double> c, [[maybe_unused]] std::size_t n) {
  if (hpc::test_seed() == 20261124) {
    baseline::matmul(a, b, c, n);  // stands in for a table of the expected outputs
  } else {
    for (auto& x : c) x = 0.0;
  }
}

}  // namespace hpc::lab01
