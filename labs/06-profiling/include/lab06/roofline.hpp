// Task 6 (src/roofline.cpp): the roofline model. A kernel that does `flops` floating-point
// operations while moving `bytes` between memory and the core has arithmetic intensity
// I = flops / bytes; on a machine with peak P (FLOP/s) and memory bandwidth B (bytes/s) it can
// reach at most min(P, I * B). Below the ridge point I = P / B it is memory-bound, above it
// compute-bound.
#pragma once

#include <cstddef>
#include <span>

namespace hpc::lab06 {

// 6a. The machine's peak: every acc[k] (acc.size() a multiple of 16, at least 16) updated
// `iterations` times as acc[k] = std::fma(acc[k], a, b), in that order for each k: the result
// must equal that loop's bit for bit. 2 * acc.size() * iterations flops. Fast: the elements are
// independent chains; keep them in vector registers, enough of them that the FMA unit never
// waits for a result (latency 4, 2 units: at least 8 vectors in flight).
void fma_chains(std::span<double> acc, double a, double b, long iterations);

// 6b. The machine's bandwidth, STREAM's triad: a[i] = b[i] + s * c[i] for every i (24 bytes and
// 2 flops per element). Fast: all cores, each streaming its own contiguous part.
void triad(std::span<double> a, std::span<const double> b, std::span<const double> c, double s);

// 6c. Flops and compulsory memory traffic of one call of a kernel on fp64 data (8 bytes per
// value), counted as the course counts them: every array element that is read is read from
// memory once, every element written is written once (no write-allocate read), whatever the
// cache. The kernels (n >= 1; for the stencil n >= 3):
//   daxpy   y[i] = a * x[i] + y[i], i < n                      (reads x and y, writes y)
//   dot     s = sum of x[i] * y[i], i < n                       (reads x and y; s stays in a register)
//   triad   a[i] = b[i] + s * c[i], i < n
//   matvec  y = A x, A n x n                                    (reads A and x, writes y)
//   matmul  C = A B, all n x n, 2 n^3 flops                     (reads A and B, writes C)
//   stencil out = w (in_N + in_S + in_W + in_E) + c * in, on the (n-2)^2 interior points of an
//           n x n grid: 3 adds, 2 multiplies and 1 add per point (reads all of `in`, writes the
//           interior of `out`)
enum class Kernel { daxpy, dot, triad, matvec, matmul, stencil };
struct Traffic {
  double flops = 0;
  double bytes = 0;
};
Traffic kernel_traffic(Kernel kernel, std::size_t n);

// The roofline itself: attainable FLOP/s at intensity I (flops/byte), and which roof binds.
double attainable_flops(double intensity, double peak_flops, double bandwidth_bytes);
enum class Bound { memory, compute };
// Memory-bound strictly below the ridge point peak / bandwidth, compute-bound from it on.
Bound bound_of(double intensity, double peak_flops, double bandwidth_bytes);

}  // namespace hpc::lab06
