// Adversarial submission: replaces the C library's clock for the whole test program, so that
// every timing reads what it wants.
#include <time.h>

#include "lab01/matmul.hpp"

extern "C" int clock_gettime(clockid_t, struct timespec* now) {
  static long fake = 0;
  now->tv_sec = 0;
  now->tv_nsec = ++fake;
  return 0;
}

namespace hpc::lab01 {
void matmul(std::span<const double>, std::span<const double>, std::span<double> c, std::size_t) {
  for (double& x : c) x = 0;
}
}  // namespace hpc::lab01
