// Adversarial submission: prints GoogleTest's success lines and computes nothing.
#include <cstdio>

#include "lab01/matmul.hpp"

namespace hpc::lab01 {

void matmul([[maybe_unused]] std::span<const double> a, [[maybe_unused]] std::span<const double> b,
            [[maybe_unused]] std::span<double> c, [[maybe_unused]] std::size_t n) {
  std::puts("[       OK ] Matmul.IdentityLeavesTheMatrixUnchanged (0 ms)");
  std::puts("[==========] 18 tests from 2 test suites ran. (1 ms total)");
  std::puts("[  PASSED  ] 18 tests.");
}

}  // namespace hpc::lab01
