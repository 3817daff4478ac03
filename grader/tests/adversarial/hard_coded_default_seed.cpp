// Adversarial submission: right only for the inputs the default seed draws, as a table of memorised
// outputs would be (it recognises them by their first value and computes them the naive way here,
// standing in for the table); any other input gets zeros.
#include <algorithm>
#include <set>

#include "hpc/data.hpp"
#include "lab01/matmul.hpp"

namespace hpc::lab01 {

namespace {
bool drawn_from_the_default_seed(double first) {
  static const std::set<double> firsts = [] {
    std::set<double> values;
    for (std::uint64_t seed = 20261124; seed < 20261124 + 5000; ++seed) values.insert(hpc::random_doubles(1, seed)[0]);
    return values;
  }();
  return firsts.count(first) > 0;
}
}  // namespace

void matmul(std::span<const double> a, std::span<const double> b, std::span<double> c, std::size_t n) {
  std::fill(c.begin(), c.begin() + static_cast<std::ptrdiff_t>(n * n), 0.0);
  if (n == 0 || !drawn_from_the_default_seed(a[0])) return;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t k = 0; k < n; ++k) {
      for (std::size_t j = 0; j < n; ++j) c[i * n + j] += a[i * n + k] * b[k * n + j];
    }
  }
}

}  // namespace hpc::lab01
