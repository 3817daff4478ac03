#include <cmath>
#include <vector>

#include "baseline.hpp"

namespace hpc::lab01::baseline {

// One pair at a time with a temporary difference vector: the shape of a Python loop calling
// numpy.linalg.norm(x[i] - y[j]) — an allocation and three passes per pair.
void pairwise_distances(std::span<const double> x, std::span<const double> y, std::span<double> out, std::size_t n,
                        std::size_t m, std::size_t d) {
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < m; ++j) {
      std::vector<double> diff(d);
      for (std::size_t k = 0; k < d; ++k) diff[k] = x[i * d + k] - y[j * d + k];
      double sum = 0;
      for (double v : diff) sum += v * v;
      out[i * m + j] = std::sqrt(sum);
    }
  }
}

}  // namespace hpc::lab01::baseline
