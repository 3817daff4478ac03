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

TEST(Counters, ZeroWork) {
  EXPECT_EQ(count_with_atomic(3, 0), 0);
  EXPECT_EQ(count_with_mutex(3, 0), 0);
  EXPECT_EQ(count_with_partial_sums(3, 0), 0);
}

}  // namespace
