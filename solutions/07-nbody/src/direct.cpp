// Reference solution: the softened direct sum over contiguous (struct-of-arrays) coordinates.
//
//  * The j loop reads x[j], y[j], z[j], m[j] from four arrays: consecutive j are consecutive
//    addresses, so the compiler turns the loop into vector instructions (8 pairs per AVX-512
//    instruction in fp64), sqrt and division included (-fno-math-errno lets it: no errno to set).
//    `omp simd reduction` says the three sums may be split across lanes and added up at the end.
//  * The self term needs no branch: its dx = dy = dz = 0 adds nothing, as long as 1 / 0 never
//    happens: without softening r2 = 0, and the denominator gets 1 added there (a blend of two
//    constants, which AVX2 can vectorize; a division under a condition it cannot, as it might trap).
//  * Threads split the bodies i (each writes only its own acc[i]: no false sharing beyond the
//    cache lines at the split points). Every i costs the same: a static schedule.
#include <cmath>
#include <cstddef>

#include "lab07/forces.hpp"

namespace hpc::lab07 {

void direct_accelerations(Positions pos, std::span<const double> m, double softening, Accelerations acc) {
  const std::ptrdiff_t n = static_cast<std::ptrdiff_t>(pos.size());
  const double* __restrict x = pos.x.data();
  const double* __restrict y = pos.y.data();
  const double* __restrict z = pos.z.data();
  const double* __restrict mass = m.data();
  const double eps2 = softening * softening;
#pragma omp parallel for schedule(static)
  for (std::ptrdiff_t i = 0; i < n; ++i) {
    const double xi = x[i], yi = y[i], zi = z[i];
    double ax = 0, ay = 0, az = 0;
#pragma omp simd reduction(+ : ax, ay, az)
    for (std::ptrdiff_t j = 0; j < n; ++j) {
      const double dx = x[j] - xi, dy = y[j] - yi, dz = z[j] - zi;
      const double r2 = dx * dx + dy * dy + dz * dz + eps2;
      const double inv_r3 = 1.0 / (r2 * std::sqrt(r2) + (r2 > 0 ? 0.0 : 1.0));
      const double s = mass[j] * inv_r3;
      ax += s * dx;
      ay += s * dy;
      az += s * dz;
    }
    acc.x[i] = ax, acc.y[i] = ay, acc.z[i] = az;
  }
}

}  // namespace hpc::lab07
