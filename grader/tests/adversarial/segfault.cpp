// Adversarial submission: dereferences a null pointer.
#include "lab01/matmul.hpp"

namespace hpc::lab01 {

void matmul([[maybe_unused]] std::span<const double> a, [[maybe_unused]] std::span<const double> b,
            [[maybe_unused]] std::span<double> c, [[maybe_unused]] std::size_t n) {
  *static_cast<volatile double*>(nullptr) = 1.0;
}

}  // namespace hpc::lab01
