#include <gtest/gtest.h>

#include "baseline.hpp"

namespace {

using namespace hpc::lab02;

TEST(Counters, EveryMethodCountsExactly) {
  for (int threads : {1, 2, 4, 7}) {
    const std::int64_t increments = 50'000;
    const std::int64_t expected = threads * increments;
    EXPECT_EQ(count_with_atomic(threads, increments), expected) << threads;
    EXPECT_EQ(count_with_mutex(threads, increments), expected) << threads;
    EXPECT_EQ(count_with_partial_sums(threads, increments), expected) << threads;
  }
}

// Long enough that the threads really run at the same time (thread start-up takes longer than
// 50 000 increments): a lost update then shows, e.g. an atomic load and store in place of an
// atomic increment.
TEST(Counters, NoIncrementLostUnderContention) {
  const int threads = 4;
  const std::int64_t increments = 2'000'000;
  for (int round = 0; round < 3; ++round) {
    EXPECT_EQ(count_with_atomic(threads, increments), threads * increments) << "round " << round;
    EXPECT_EQ(count_with_mutex(threads, increments), threads * increments) << "round " << round;
  }
}

TEST(Counters, ZeroWork) {
  EXPECT_EQ(count_with_atomic(3, 0), 0);
  EXPECT_EQ(count_with_mutex(3, 0), 0);
  EXPECT_EQ(count_with_partial_sums(3, 0), 0);
}

}  // namespace
