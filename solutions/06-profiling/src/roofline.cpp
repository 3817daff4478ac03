#include "lab06/roofline.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace hpc::lab06 {

namespace {

// `kChains` chains from `chains` on, all iterations in a fixed-size local array.
template <std::size_t kChains>
void update_block(double* chains, double a, double b, long iterations) {
  double r[kChains];
  std::copy_n(chains, kChains, r);
  for (long it = 0; it < iterations; ++it) {
    for (std::size_t k = 0; k < kChains; ++k) r[k] = std::fma(r[k], a, b);
  }
  std::copy_n(r, kChains, chains);
}

}  // namespace

void fma_chains(std::span<double> acc, double a, double b, long iterations) {
  // 128 independent chains at a time in a local array of fixed size: the compiler keeps it in
  // vector registers (16 with AVX-512, 32 with AVX2: more than latency x units either way) and
  // never touches memory inside the iteration loop. One chain at a time would wait 4 cycles on
  // every FMA: 1/8 of the peak on a core with 2 FMA units. The rest, 16 at a time.
  std::size_t start = 0;
  for (; start + 128 <= acc.size(); start += 128) update_block<128>(&acc[start], a, b, iterations);
  for (; start < acc.size(); start += 16) update_block<16>(&acc[start], a, b, iterations);
}

void triad(std::span<double> a, std::span<const double> b, std::span<const double> c, double s) {
  // Memory-bound: the arithmetic is free, the bytes are not. Every core streams its own
  // contiguous part (static schedule), so each thread's loads run ahead in its prefetcher.
  const long n = static_cast<long>(a.size());
#pragma omp parallel for simd schedule(static)
  for (long i = 0; i < n; ++i) a[i] = b[i] + s * c[i];
}

Traffic kernel_traffic(Kernel kernel, std::size_t n) {
  const double v = static_cast<double>(n), bytes = 8;  // fp64
  switch (kernel) {
    case Kernel::daxpy:
      return {2 * v, bytes * 3 * v};  // read x, y; write y
    case Kernel::dot:
      return {2 * v, bytes * 2 * v};
    case Kernel::triad:
      return {2 * v, bytes * 3 * v};
    case Kernel::matvec:
      return {2 * v * v, bytes * (v * v + 2 * v)};  // read A, x; write y
    case Kernel::matmul:
      return {2 * v * v * v, bytes * 3 * v * v};  // perfect reuse: each matrix moves once
    case Kernel::stencil: {
      if (n < 3) throw std::invalid_argument("kernel_traffic: a stencil needs n >= 3");
      const double interior = (v - 2) * (v - 2);
      return {6 * interior, bytes * (v * v + interior)};
    }
  }
  throw std::invalid_argument("kernel_traffic: unknown kernel");
}

double attainable_flops(double intensity, double peak_flops, double bandwidth_bytes) {
  return std::min(peak_flops, intensity * bandwidth_bytes);
}

Bound bound_of(double intensity, double peak_flops, double bandwidth_bytes) {
  return intensity < peak_flops / bandwidth_bytes ? Bound::memory : Bound::compute;
}

}  // namespace hpc::lab06
