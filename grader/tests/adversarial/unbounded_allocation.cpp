// Adversarial submission: allocates and touches memory without bound.
#include <vector>

#include "lab01/matmul.hpp"

namespace hpc::lab01 {

void matmul([[maybe_unused]] std::span<const double> a, [[maybe_unused]] std::span<const double> b,
            [[maybe_unused]] std::span<double> c, [[maybe_unused]] std::size_t n) {
  std::vector<std::vector<char>> hoard;
  for (;;) hoard.emplace_back(std::size_t{1} << 24, char{1});
}

}  // namespace hpc::lab01
