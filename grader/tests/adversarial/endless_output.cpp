// Adversarial submission: prints without end.
#include <cstdio>

#include "lab01/matmul.hpp"

namespace hpc::lab01 {

void matmul([[maybe_unused]] std::span<const double> a, [[maybe_unused]] std::span<const double> b,
            [[maybe_unused]] std::span<double> c, [[maybe_unused]] std::size_t n) {
  for (;;) std::fputs("All tests PASSED. All tests PASSED. All tests PASSED.\n", stdout);
}

}  // namespace hpc::lab01
