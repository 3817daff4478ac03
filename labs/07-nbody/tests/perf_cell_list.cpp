#include <gtest/gtest.h>
#include <omp.h>

#include "baseline.hpp"
#include "hpc/data.hpp"
#include "hpc/perf_test.hpp"
#include "lab07/cell_list.hpp"
#include "lab07/initial_conditions.hpp"
#include "lab07_thresholds.hpp"

namespace {

using namespace hpc::lab07;

// 20000 bodies in a unit cube, about 4 neighbours each within the radius: the cell list's O(n)
// against checking all 2e8 pairs. One thread; every timed pair set compared with the baseline's.
TEST(CellListPerf, SpeedupOverCheckingEveryPair) {
  omp_set_num_threads(1);
  Bodies b = uniform_cube(20000, hpc::test_seed());
  const double radius = 0.036;
  std::vector<Pair> got, expected;
  std::uint64_t draw = 0;
  hpc::expect_speedup_at_least(hpc::lab07::targets::cells_speedup, [&] {
    return hpc::Measurement::of(
        hpc::compare_interleaved([&] { expected = baseline::close_pairs(positions_of(b), radius); },
                                 [&] { got = close_pairs(positions_of(b), radius); },
                                 {.pairs = 3,
                                  .warmup_calls = 0,
                                  .vary =
                                      [&](int) {
                                        const auto fresh = uniform_cube(b.size(), hpc::test_seed() + ++draw);
                                        std::copy(fresh.x.begin(), fresh.x.end(), b.x.begin());
                                        std::copy(fresh.y.begin(), fresh.y.end(), b.y.begin());
                                        std::copy(fresh.z.begin(), fresh.z.end(), b.z.begin());
                                      },
                                  .same = [&] { return got == expected; }}));
  });
}

}  // namespace
