#include "hpc/todo.hpp"
#include "lab07/forces.hpp"

namespace hpc::lab07 {

// TODO(student): task 2 (14 points: test_direct, also under AddressSanitizer; perf_direct). Sum
// the softened gravity of every other body on each body (lab07/forces.hpp) into acc.x/y/z.
//  1. Correct first: two loops over i and j, reading pos.x[j], pos.y[j], pos.z[j], m[j].
//  2. Fast: keep the j loop free of branches and of anything but arithmetic on those arrays, so
//     the compiler vectorizes it (`#pragma omp simd reduction(+ : ax, ay, az)`); the self term
//     adds nothing when dx = dy = dz = 0, as long as 0 / 0 never happens (no `if` around the
//     division: AVX2 cannot vectorize a division under a condition; add 1 to a zero denominator).
//  3. Parallel: `#pragma omp parallel for` over i (each thread writes only its own acc[i]).
// Graded: accuracy against the fp64 baseline (1e-6 relative), speed on one thread against it,
// and on every core against the scalar loop on every core. The handout has the figures to aim for.
void direct_accelerations(Positions pos, std::span<const double> m, double softening, Accelerations acc) {
  hpc::todo("direct_accelerations");
}

}  // namespace hpc::lab07
