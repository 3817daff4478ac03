// Task 6: your two measuring kernels against the course's (baseline/roofline_kernels.cpp),
// interleaved in one run: the FMA rate on one core and the triad's bandwidth on every core. Each
// timed result is checked: the same bits (FMA) or the same values (triad) as the baseline's.
#include <gtest/gtest.h>
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "baseline.hpp"
#include "hpc/data.hpp"
#include "hpc/perf_test.hpp"
#include "hpc/remote.hpp"
#include "lab06/roofline.hpp"
#include "lab06_thresholds.hpp"

namespace {

using namespace hpc::lab06;

// One core: 256 chains, 10^6 iterations, 5.1e8 flops a call (about 9 ms at 58 GFLOP/s).
TEST(RooflinePerf, FmaRateAgainstThePeakKernelOnOneCore) {
  omp_set_num_threads(1);
  constexpr std::size_t kChains = 256;
  constexpr long kIterations = 1'000'000;
  std::vector<double> start(kChains), base(kChains), mine(kChains);
  std::uint64_t draw = 0;
  hpc::expect_speedup_at_least(hpc::lab06::targets::fma_peak, [&] {
    const auto measured = hpc::Measurement::of(hpc::compare_interleaved(
        [&] { baseline::fma_chains(base, 0.9999999, 1e-7, kIterations); },
        [&] { fma_chains(mine, 0.9999999, 1e-7, kIterations); },
        {.pairs = 5,
         .warmup_calls = 0,
         .vary = [&](int) { start = hpc::random_doubles(kChains, hpc::test_seed() + ++draw, 0.5, 2.0); },
         .same = [&] { return mine == base; },
         .before_sample = [&](hpc::Side side) { (side == hpc::Side::baseline ? base : mine) = start; }}));
    // The peak kernel is the ceiling: well above it, the kernel did not do the work on one core.
    EXPECT_LE(measured.speedup, 1.3) << "faster than the machine's peak kernel on one core";
    return measured;
  });
}

// Every core: 3 arrays of 2^23 doubles (192 MiB, far beyond the caches), 24 bytes an element.
// Both sides alike: a remote call copies b and c to the runner just before it runs (untimed),
// which leaves their last megabytes in cache, so the baseline gets fresh copies too; both write
// into the same kind of memory.
TEST(RooflinePerf, TriadBandwidthAgainstTheMachinesTriad) {
  omp_set_num_threads(hpc::counted_cores());
  constexpr std::size_t kN = std::size_t{1} << 23;
  const auto b = hpc::random_doubles(kN, hpc::test_seed()), c = hpc::random_doubles(kN, hpc::test_seed() + 1);
  std::vector<double> base_b(kN), base_c(kN);
  hpc::remote::OutputArray<double> base(kN), mine(kN);
  double s = 1.0;
  const auto fresh_inputs = [&](hpc::Side side) {
    if (side != hpc::Side::baseline) return;
    std::copy(b.begin(), b.end(), base_b.begin());
    std::copy(c.begin(), c.end(), base_c.begin());
  };
  const auto same = [&] {
    return std::equal(mine.begin(), mine.end(), base.begin(),
                      [](double x, double y) { return std::abs(x - y) <= 1e-15 * (1 + std::abs(y)); });
  };
  hpc::expect_speedup_at_least(hpc::lab06::targets::triad_bandwidth, [&] {
    return hpc::Measurement::of(hpc::compare_interleaved([&] { baseline::triad(base, base_b, base_c, s); },
                                                         [&] { triad(mine, b, c, s); },
                                                         {.pairs = 5,
                                                          .warmup_calls = 1,
                                                          .vary = [&](int pair) { s = 1.5 + 0.25 * pair; },
                                                          .same = same,
                                                          .before_sample = fresh_inputs}));
  });
}

}  // namespace
