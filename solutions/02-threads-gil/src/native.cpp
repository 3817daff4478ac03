// Reference solution: the counting touches no interpreter state, so it runs with the GIL
// released — exactly what NumPy does around its loops. Holding it would serialise every thread
// that calls this, as if it were bytecode.
#include "lab02/concurrency.hpp"

namespace hpc::lab02 {

std::int64_t count_primes_native(Gil& gil, std::int64_t limit) {
  GilRelease unlocked(gil);
  std::int64_t count = 0;
  for (std::int64_t n = 2; n < limit; ++n) {
    bool prime = true;
    for (std::int64_t d = 2; d * d <= n; ++d) {
      if (n % d == 0) {
        prime = false;
        break;
      }
    }
    count += prime ? 1 : 0;
  }
  return count;
}

}  // namespace hpc::lab02
