// Adversarial submission: hands the work to the baseline it is measured against. The answer is
// right (it is the baseline's), so only the rule that student code may not call the baseline
// stops it; in Lab 06 the baseline is the machine's fastest kernel, and this would earn the points.
#include <span>

#include "lab01/matmul.hpp"

namespace hpc::lab01 {
namespace baseline {  // declared by hand: the baseline's header is not on a student file's path
void matmul(std::span<const double> a, std::span<const double> b, std::span<double> c, std::size_t n);
}  // namespace baseline

void matmul(std::span<const double> a, std::span<const double> b, std::span<double> c, std::size_t n) {
  baseline::matmul(a, b, c, n);
}
}  // namespace hpc::lab01
