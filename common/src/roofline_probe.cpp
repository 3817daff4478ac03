#include "hpc/roofline_probe.hpp"

#include <omp.h>

#include <algorithm>
#include <vector>

#include "hpc/simd.hpp"
#include "hpc/timing.hpp"

namespace hpc::roofline_probe {

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

namespace {

constexpr int kTries = 5;
constexpr double kMinSeconds = 0.05;  // per timed sample: many calls of a short kernel

// The sizes of Lab 06's roofline test: 256 chains of 10^6 FMAs (5.1e8 flops), 3 arrays of 2^23
// doubles (192 MiB, far beyond any cache).
constexpr std::size_t kChains = 256;
constexpr long kIterations = 1'000'000;
constexpr std::size_t kTriadLength = std::size_t{1} << 23;

double peak_flops_one_core() {
  std::vector<double> acc(kChains, 1.0);
  double best = 0;
  for (int i = 0; i < kTries; ++i) {
    const double seconds = hpc::time_call([&] { fma_chains(acc, 0.9999999, 1e-7, kIterations); }, kMinSeconds);
    best = std::max(best, 2.0 * kChains * static_cast<double>(kIterations) / seconds);
  }
  return best;
}

double triad_bandwidth(int threads) {
  omp_set_num_threads(threads);
  std::vector<double> a(kTriadLength), b(kTriadLength, 1.0), c(kTriadLength, 2.0);
  triad(a, b, c, 3.0);  // first touch: the pages are mapped before the clock starts
  double best = 0;
  for (int i = 0; i < kTries; ++i) {
    const double seconds = hpc::time_call([&] { triad(a, b, c, 3.0); }, kMinSeconds);
    best = std::max(best, 24.0 * static_cast<double>(kTriadLength) / seconds);
  }
  return best;
}

}  // namespace

Ceilings measure_ceilings(int threads) {
  Ceilings ceilings;
  ceilings.threads = std::max(1, threads);
  omp_set_num_threads(1);
  ceilings.peak_flops_one_core = peak_flops_one_core();
  ceilings.bandwidth = triad_bandwidth(ceilings.threads);
  return ceilings;
}

}  // namespace hpc::roofline_probe
