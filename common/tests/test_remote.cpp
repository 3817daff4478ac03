// Remote calls (hpc/remote.hpp) against a runner of known behaviour (remote/remote_test_runner.cpp).
#include "hpc/remote.hpp"

#include <gtest/gtest.h>
#include <omp.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "hpc/timing.hpp"
#include "remote/remote_test_api.hpp"

namespace {

namespace api = hpc::remote_test;

TEST(Remote, ArgumentsAndResultsCrossBothWays) {
  const std::vector<double> values{1, 2, 3.5};
  EXPECT_DOUBLE_EQ(api::sum(values), 6.5);
  EXPECT_EQ(api::length("seven c"), 7u);

  std::vector<double> scaled{1, -2, 4};
  api::scale(scaled, 0.5);  // a writable span: the runner's writes come back
  EXPECT_EQ(scaled, (std::vector<double>{0.5, -1, 2}));

  const api::Named named{"x", {1, 2}, std::vector<float>{0.5f, 1.5f}};
  const api::Named back = api::describe(named, {.width = 3, .height = 4, .scale = 10});
  EXPECT_EQ(back.name, "x!");
  EXPECT_EQ(back.values, (std::vector<double>{10, 20, 12}));
  ASSERT_EQ(back.column.index(), 1u);
  EXPECT_EQ(std::get<1>(back.column), (std::vector<float>{0.5f, 1.5f}));
}

TEST(Remote, TheCallersThreadCountTravelsWithEveryCall) {
  const int before = omp_get_max_threads();
  omp_set_num_threads(3);
  EXPECT_EQ(api::threads(), 3);
  omp_set_num_threads(1);
  EXPECT_EQ(api::threads(), 1);
  omp_set_num_threads(before);
}

TEST(Remote, WhatTheFunctionThrowsIsThrownHereWithItsKindAndMessage) {
  try {
    api::throw_invalid_argument("n must be positive");
    FAIL() << "nothing thrown";
  } catch (const std::invalid_argument& error) {
    EXPECT_STREQ(error.what(), "n must be positive");
  }
  EXPECT_THROW(api::throw_not_a_std_exception(), std::runtime_error);
  EXPECT_DOUBLE_EQ(api::sum(std::vector<double>{1}), 1) << "the runner serves on after an exception";
}

TEST(Remote, ACrashIsReportedAndTheNextCallGetsAFreshRunner) {
  try {
    api::crash();
    FAIL() << "the runner did not crash";
  } catch (const hpc::remote::RunnerEnded& error) {
    // (Under AddressSanitizer the runner reports the SEGV itself and exits with an error code.)
    const std::string what = error.what();
    EXPECT_TRUE(what.find("SIGSEGV") != std::string::npos || what.find("exited with code") != std::string::npos)
        << what;
  }
  EXPECT_DOUBLE_EQ(api::sum(std::vector<double>{2, 3}), 5);
}

TEST(Remote, OutputArraysAreWrittenWhereTheTestReadsThem) {
  hpc::remote::OutputArray<double> out(100'000);
  api::fill(out, 2.5);
  EXPECT_TRUE(std::all_of(out.begin(), out.end(), [](double x) { return x == 2.5; }));
  EXPECT_LT(hpc::remote::last_call().argument_bytes, 1000u) << "800 kB of output should not have been copied";
  EXPECT_DOUBLE_EQ(api::sum(out), 250'000) << "and read back as an input, copied like any other";
}

// A runner that uses the CPU while the baseline is timed competes with it: untrusted.
TEST(Remote, ARunnerBusyWhileTheBaselineIsTimedMakesTheTimingUntrusted) {
  const auto quiet = hpc::compare_interleaved([] { hpc::spin_for(0.02); }, [] { api::length("x"); },
                                              {.pairs = 3, .warmup_calls = 1, .min_sample_seconds = 0});
  api::start_background_work();
  const auto busy = hpc::compare_interleaved([] { hpc::spin_for(0.02); }, [] { api::length("x"); },
                                             {.pairs = 3, .warmup_calls = 1, .min_sample_seconds = 0});
  EXPECT_THROW(api::crash(), hpc::remote::RunnerEnded);  // ends the runner and its background thread
  EXPECT_TRUE(quiet.untrusted.empty()) << quiet.untrusted;
  EXPECT_NE(busy.untrusted.find("while the baseline was timed"), std::string::npos) << busy.untrusted;
}

// Only the run itself is timed: the copies before and after it are not.
TEST(Remote, TimingSeesTheRunNotTheCopies) {
  const std::vector<double> big(4'000'000, 1.0);  // 32 MB copied in on every call
  const auto c = hpc::compare_interleaved([] { hpc::spin_for(0.004); }, [&] { api::sum(big); },
                                          {.pairs = 3, .warmup_calls = 1, .min_sample_seconds = 0});
  const auto& last = hpc::remote::last_call();
  EXPECT_GT(last.argument_bytes, 32'000'000u);
  EXPECT_LT(c.candidate_seconds, last.run_seconds + last.prepare_seconds + 0.002);
  EXPECT_TRUE(c.untrusted.empty()) << c.untrusted;
}

// A runner that works while it should only be taking its arguments cannot be timed fairly.
TEST(Remote, WorkOutsideTheTimedStepMakesTheTimingUntrusted) {
  const auto c = hpc::compare_interleaved([] { hpc::spin_for(0.001); }, [] { api::slow_to_take({7}); },
                                          {.pairs = 1, .warmup_calls = 0, .min_sample_seconds = 0});
  EXPECT_NE(c.untrusted.find("slow_to_take"), std::string::npos) << c.untrusted;
  EXPECT_LT(c.candidate_seconds, 0.1) << "the 0.2 s of decoding are not in the sample";
}

}  // namespace
