// Exercise 3 — native code that releases the GIL. Graded by test_native (the count) and
// perf_gil (threads calling it must run in parallel).
#include "hpc/todo.hpp"
#include "lab02/concurrency.hpp"

namespace hpc::lab02 {

std::int64_t count_primes_native(Gil& gil, std::int64_t limit) {
  // TODO(student): count the primes below `limit` by trial division (n is prime when no d with
  // 2 <= d and d * d <= n divides it). You are called holding the GIL: this loop touches no
  // interpreter state, so release it for the loop's duration with a GilRelease guard — the
  // analogue of Py_BEGIN_ALLOW_THREADS in a C extension. (Try it without: measure the difference.)
  hpc::todo("count_primes_native");
}

}  // namespace hpc::lab02
