#include "baseline.hpp"

namespace hpc::lab01::baseline {

// The textbook i-j-k loop: the inner loop walks B down a column, n * 8 bytes apart, so nearly
// every access to B misses the cache once n is large.
void matmul(std::span<const double> a, std::span<const double> b, std::span<double> c, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      double sum = 0;
      for (std::size_t k = 0; k < n; ++k) sum += a[i * n + k] * b[k * n + j];
      c[i * n + j] = sum;
    }
  }
}

}  // namespace hpc::lab01::baseline
