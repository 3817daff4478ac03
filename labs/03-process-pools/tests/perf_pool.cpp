// Scheduling, measured: equal tasks scale either way; tasks whose cost grows with the input
// (prime counting over rising ranges) need dynamic scheduling.
#include <gtest/gtest.h>

#include "baseline.hpp"
#include "hpc/machine.hpp"
#include "hpc/perf_test.hpp"
#include "lab03_thresholds.hpp"

namespace {

using namespace hpc::lab03;

std::size_t pool_size() { return static_cast<std::size_t>(std::max(2, hpc::usable_cores())); }

TEST(PoolPerf, EqualTasksScale) {
  register_lab_tasks();
  std::vector<Bytes> inputs(64, encode_int(2'000));  // 64 tasks of 2 ms of work
  ProcessPool pool(pool_size());
  ASSERT_EQ(pool.map("spin", inputs, 4, Schedule::static_blocks), inputs);
  hpc::expect_speedup_at_least(targets::equal_tasks_efficiency, [&] {
    return hpc::Measurement::of(
        hpc::compare_interleaved([&] { baseline::run_serially("spin", inputs); },
                                 [&] { pool.map("spin", inputs, 4, Schedule::static_blocks); }, {.pairs = 5}),
        static_cast<int>(pool.size()));
  });
}

// Ranges [500 i^2, 500 (i + 1)^2): later ranges are both wider and hold bigger numbers, so their
// cost grows like i^2. Static blocks give the last worker most of the work; dynamic hands out
// one range at a time. The static side is the instructor's (baseline::run_static_blocks), not the
// student's: a baseline the student wrote could be slowed down to earn the points.
TEST(PoolPerf, UnevenTasksNeedDynamicScheduling) {
  register_lab_tasks();
  std::vector<Bytes> inputs;
  for (int i = 0; i < 64; ++i) inputs.push_back(encode_doubles({500.0 * i * i, 500.0 * (i + 1) * (i + 1)}));
  const std::size_t workers = pool_size();  // the test's count for both sides, not the pool's own report
  ProcessPool pool(workers);
  const auto expected = baseline::run_serially("count_primes", inputs);
  ASSERT_EQ(pool.map("count_primes", inputs, 1, Schedule::dynamic), expected);
  ASSERT_EQ(baseline::run_static_blocks("count_primes", inputs, workers), expected);
  hpc::expect_speedup_at_least(targets::dynamic_over_static, [&] {
    return hpc::Measurement::of(
        hpc::compare_interleaved([&] { baseline::run_static_blocks("count_primes", inputs, workers); },
                                 [&] { pool.map("count_primes", inputs, 1, Schedule::dynamic); }, {.pairs = 5}));
  });
}

}  // namespace
