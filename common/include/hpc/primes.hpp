// Prime counting by trial division: deliberately slow, and slower for larger numbers — the
// course's stock "CPU-bound task of uneven cost" (threads in Lab 02, process pools in Lab 03).
#pragma once

#include <algorithm>
#include <cstdint>

namespace hpc {

inline bool is_prime(std::int64_t n) {
  if (n < 2) return false;
  for (std::int64_t d = 2; d * d <= n; ++d) {
    if (n % d == 0) return false;
  }
  return true;
}

// The primes in [lo, hi).
inline std::int64_t count_primes_in(std::int64_t lo, std::int64_t hi) {
  std::int64_t count = 0;
  for (std::int64_t n = std::max<std::int64_t>(lo, 2); n < hi; ++n) count += is_prime(n) ? 1 : 0;
  return count;
}

}  // namespace hpc
