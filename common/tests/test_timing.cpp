#include "hpc/timing.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>

#include "hpc/busy.hpp"

namespace {

bool near(double value, double expected, double tolerance) { return std::abs(value - expected) <= tolerance; }

// These tests assert timing facts of the machine: when one is missed on a machine other processes
// are loading, the run is inconclusive (skipped, saying so); on a quiet machine the miss stands.
std::string busy_if_missed(bool all_near) { return all_near ? "" : hpc::machine_busy_reason(); }

// What a sample spends inside an UntimedScope (a remote call's copies) is not the function's time.
TEST(CompareInterleaved, TimeInsideAnUntimedScopeIsNotCounted) {
  const auto candidate = [] {
    {
      const hpc::UntimedScope untimed;
      hpc::spin_for(0.004);
    }
    hpc::spin_for(0.001);
  };
  const auto c = hpc::compare_interleaved([] { hpc::spin_for(0.002); }, candidate, {.pairs = 5});
  const auto busy = busy_if_missed(near(c.speedup, 2.0, 0.3));
  if (!busy.empty()) GTEST_SKIP() << "inconclusive: machine busy (" << busy << "; measured " << c.speedup << "x)";
  EXPECT_NEAR(c.speedup, 2.0, 0.3);
  EXPECT_NEAR(c.candidate_seconds, 0.001, 0.0005);
}

TEST(Median, OddAndEvenCounts) {
  EXPECT_DOUBLE_EQ(hpc::median({3, 1, 2}), 2);
  EXPECT_DOUBLE_EQ(hpc::median({4, 1, 3, 2}), 2.5);
  EXPECT_THROW(hpc::median({}), std::invalid_argument);
}

// The harness must see a function of known cost for what it is: one that spins twice as long
// measures ~2x, whichever side is the slow one.
TEST(CompareInterleaved, KnownTwiceSlowerFunctionMeasuresTwoX) {
  const auto slow = [] { hpc::spin_for(0.002); };
  const auto fast = [] { hpc::spin_for(0.001); };
  const auto c = hpc::compare_interleaved(slow, fast, {.pairs = 5, .min_sample_seconds = 0.01});
  const auto reversed = hpc::compare_interleaved(fast, slow, {.pairs = 5, .min_sample_seconds = 0.01});
  const auto busy = busy_if_missed(near(c.speedup, 2.0, 0.3) && near(c.baseline_seconds, 0.002, 0.0005) &&
                                   near(c.candidate_seconds, 0.001, 0.0005) && near(reversed.speedup, 0.5, 0.08));
  if (!busy.empty()) GTEST_SKIP() << "inconclusive: machine busy (" << busy << "; measured " << c.speedup << "x)";
  EXPECT_NEAR(c.speedup, 2.0, 0.3);
  EXPECT_NEAR(c.baseline_seconds, 0.002, 0.0005);
  EXPECT_NEAR(c.candidate_seconds, 0.001, 0.0005);
  EXPECT_EQ(c.pairs, 5);
  EXPECT_NEAR(reversed.speedup, 0.5, 0.08);
}

TEST(CompareInterleaved, SameFunctionMeasuresOneX) {
  const auto f = [] { hpc::spin_for(0.0005); };
  const double speedup = hpc::compare_interleaved(f, f, {.pairs = 5}).speedup;
  if (const auto busy = busy_if_missed(near(speedup, 1.0, 0.15)); !busy.empty()) {
    GTEST_SKIP() << "inconclusive: machine busy (" << busy << "; measured " << speedup << "x)";
  }
  EXPECT_NEAR(speedup, 1.0, 0.15);
}

TEST(CompareInterleaved, CallsEachSideInTurn) {
  int baseline_calls = 0, candidate_calls = 0;
  hpc::compare_interleaved(
      [&] {
        ++baseline_calls;
        hpc::spin_for(0.001);
      },
      [&] {
        ++candidate_calls;
        hpc::spin_for(0.001);
      },
      {.pairs = 3, .warmup_calls = 1, .min_sample_seconds = 0});
  // warm-up + calibration + one call per pair, for each side
  EXPECT_EQ(baseline_calls, 1 + 1 + 3);
  EXPECT_EQ(candidate_calls, 1 + 1 + 3);
}

TEST(CompareInterleaved, RejectsZeroPairs) {
  EXPECT_THROW(hpc::compare_interleaved([] {}, [] {}, {.pairs = 0}), std::invalid_argument);
}

TEST(TimeCall, RepeatsFastFunctionsUntilTheSampleIsLongEnough) {
  int calls = 0;
  const double t = hpc::time_call(
      [&] {
        ++calls;
        hpc::spin_for(0.0001);
      },
      0.005);
  if (const auto busy = busy_if_missed(near(t, 0.0001, 0.00005)); !busy.empty()) {
    GTEST_SKIP() << "inconclusive: machine busy (" << busy << "; measured " << t << " s)";
  }
  EXPECT_NEAR(t, 0.0001, 0.00005);
  EXPECT_GE(calls, 40);
}

}  // namespace
