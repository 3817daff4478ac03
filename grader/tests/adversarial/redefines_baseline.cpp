// Adversarial submission: defines the baseline it is compared with (and whose output the unit
// tests take as the truth), so that garbage equals garbage and every speedup is huge.
#include <span>

#include "lab01/matmul.hpp"

namespace hpc::lab01 {
void matmul(std::span<const double>, std::span<const double>, std::span<double> c, std::size_t) {
  for (double& x : c) x = 0;
}
namespace baseline {
void matmul(std::span<const double>, std::span<const double>, std::span<double> c, std::size_t) {
  for (double& x : c) x = 0;
}
}  // namespace baseline
}  // namespace hpc::lab01
