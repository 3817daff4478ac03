#include <gtest/gtest.h>
#include <omp.h>

#include <algorithm>

#include "baseline.hpp"
#include "hpc/data.hpp"
#include "hpc/perf_test.hpp"
#include "hpc/remote.hpp"
#include "lab07/forces.hpp"
#include "lab07/initial_conditions.hpp"
#include "lab07_testing.hpp"
#include "lab07_thresholds.hpp"

namespace {

using namespace hpc::lab07;
using hpc::remote::OutputArray;

// Moves every body by a different tiny amount: the same cost, forces never computed before.
void jitter(Bodies& b, std::uint64_t seed) {
  const auto shift = hpc::random_doubles(3 * b.size(), seed, -1e-6, 1e-6);
  for (std::size_t i = 0; i < b.size(); ++i)
    b.x[i] += shift[3 * i], b.y[i] += shift[3 * i + 1], b.z[i] += shift[3 * i + 2];
}

// Checked timing of the student's direct sum against `baseline`, both on the threads the caller set.
hpc::Measurement measure(Bodies& b, void (*baseline)(Positions, std::span<const double>, double, Accelerations),
                         std::uint64_t& draw, int threads) {
  OutputArray<double> ax(b.size()), ay(b.size()), az(b.size());  // written where this test reads them
  lab07_testing::Accel expected(b.size());
  const auto close_enough = [&] {
    lab07_testing::Accel got(b.size());
    std::copy(ax.begin(), ax.end(), got.x.begin());
    std::copy(ay.begin(), ay.end(), got.y.begin());
    std::copy(az.begin(), az.end(), got.z.begin());
    const auto errors = lab07_testing::relative_errors(got, expected);
    return *std::max_element(errors.begin(), errors.end()) <= 1e-6;
  };
  return hpc::Measurement::of(hpc::compare_interleaved([&] { baseline(positions_of(b), b.m, 0.01, expected.view()); },
                                                       [&] {
                                                         direct_accelerations(positions_of(b), b.m, 0.01, {ax, ay, az});
                                                       },
                                                       {.pairs = 3,
                                                        .warmup_calls = 0,
                                                        .vary = [&](int) { jitter(b, hpc::test_seed() + ++draw); },
                                                        .same = close_enough}),
                              threads);
}

// One thread: the lesson is the layout and the vectorized inner loop.
TEST(DirectPerf, SpeedupOverTheScalarLoopOnOneThread) {
  omp_set_num_threads(1);
  Bodies b = plummer(4096, hpc::test_seed());
  std::uint64_t draw = 0;
  hpc::expect_speedup_at_least(hpc::lab07::targets::direct_speedup,
                               [&] { return measure(b, &baseline::direct_accelerations, draw, 1); });
}

// Every core, against the scalar loop on every core: a kernel that does not scale (or runs on
// one core) loses its single-thread speedup in proportion. Twice the bodies: every core needs
// samples long enough that the scheduler's noise stays small next to them.
TEST(DirectPerf, SpeedupOnEveryCoreOverTheScalarLoopOnEveryCore) {
  const int threads = hpc::counted_cores();
  omp_set_num_threads(threads);
  Bodies b = plummer(8192, hpc::test_seed() + 1);
  std::uint64_t draw = 0;
  hpc::expect_speedup_at_least(hpc::lab07::targets::direct_parallel_speedup,
                               [&] { return measure(b, &baseline::direct_accelerations_parallel, draw, threads); });
}

}  // namespace
