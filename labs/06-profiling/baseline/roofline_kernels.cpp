// The machine's roofs, measured the way STREAM and every peak-FLOP/s benchmark measure them.
#include <algorithm>

#include "baseline.hpp"
#include "hpc/simd.hpp"

namespace hpc::lab06::baseline {

void fma_chains(std::span<double> acc, double a, double b, long iterations) {
  using hpc::simd::Vec;
  constexpr std::size_t kVectors = 16;  // in flight: more than FMA latency x FMA units on any core
  constexpr std::size_t kBlock = kVectors * hpc::simd::kLanes;
  const Vec va = Vec{} + a, vb = Vec{} + b;
  for (std::size_t start = 0; start < acc.size(); start += kBlock) {
    const std::size_t vectors = std::min(kBlock, acc.size() - start) / hpc::simd::kLanes;
    Vec r[kVectors] = {};
    for (std::size_t v = 0; v < vectors; ++v) r[v] = hpc::simd::load(&acc[start + v * hpc::simd::kLanes]);
    for (long it = 0; it < iterations; ++it) {
      for (std::size_t v = 0; v < kVectors; ++v) r[v] = r[v] * va + vb;  // a fused multiply-add each
    }
    for (std::size_t v = 0; v < vectors; ++v) hpc::simd::store(&acc[start + v * hpc::simd::kLanes], r[v]);
  }
}

void triad(std::span<double> a, std::span<const double> b, std::span<const double> c, double s) {
  const long n = static_cast<long>(a.size());
#pragma omp parallel for simd schedule(static)
  for (long i = 0; i < n; ++i) a[i] = b[i] + s * c[i];
}

}  // namespace hpc::lab06::baseline
