#include <gtest/gtest.h>
#include <omp.h>

#include "baseline.hpp"
#include "hpc/data.hpp"
#include "hpc/perf_test.hpp"
#include "hpc/remote.hpp"
#include "lab07/barnes_hut.hpp"
#include "lab07/initial_conditions.hpp"
#include "lab07_testing.hpp"
#include "lab07_thresholds.hpp"

namespace {

using namespace hpc::lab07;

// The tree against the scalar direct sum, both on every core, at theta = 0.5: the algorithm's
// O(n log n) against O(n^2). Each timed result is checked against the direct sum's.
TEST(BarnesHutPerf, SpeedupOverTheDirectSumAtThetaHalf) {
  const int threads = hpc::counted_cores();
  omp_set_num_threads(threads);
  Bodies b = plummer(8192, hpc::test_seed());
  hpc::remote::OutputArray<double> ax(b.size()), ay(b.size()), az(b.size());
  lab07_testing::Accel expected(b.size());
  std::uint64_t draw = 0;
  const auto within_bound = [&] {
    lab07_testing::Accel got(b.size());
    std::copy(ax.begin(), ax.end(), got.x.begin());
    std::copy(ay.begin(), ay.end(), got.y.begin());
    std::copy(az.begin(), az.end(), got.z.begin());
    return lab07_testing::quantile(lab07_testing::relative_errors(got, expected), 0.99) <=
           2e-2;  // test_barnes_hut's bound
  };
  hpc::expect_speedup_at_least(hpc::lab07::targets::tree_speedup, [&] {
    return hpc::Measurement::of(
        hpc::compare_interleaved(
            [&] { baseline::direct_accelerations_parallel(positions_of(b), b.m, 0.01, expected.view()); },
            [&] {
              tree_accelerations(positions_of(b), b.m, 0.01, 0.5, {ax, ay, az});
            },
            {.pairs = 3,
             .warmup_calls = 0,
             .vary =
                 [&](int) {
                   const auto shift = hpc::random_doubles(b.size(), hpc::test_seed() + ++draw, -1e-6, 1e-6);
                   for (std::size_t i = 0; i < b.size(); ++i) b.x[i] += shift[i];
                 },
             .same = within_bound}),
        threads);
  });
}

}  // namespace
