// Adversarial submission: aborts.
#include <cstdlib>

#include "lab01/matmul.hpp"

namespace hpc::lab01 {

void matmul([[maybe_unused]] std::span<const double> a, [[maybe_unused]] std::span<const double> b,
            [[maybe_unused]] std::span<double> c, [[maybe_unused]] std::size_t n) {
  std::abort();
}

}  // namespace hpc::lab01
