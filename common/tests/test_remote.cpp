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
using hpc::remote::RunnerAccess;
using hpc::remote::SharedArray;

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
    EXPECT_NE(std::string(error.what()).find("SIGSEGV"), std::string::npos) << error.what();
  }
  EXPECT_DOUBLE_EQ(api::sum(std::vector<double>{2, 3}), 5);
}

TEST(Remote, SharedArraysAreReadAndWrittenWhereTheyLie) {
  SharedArray<double> out(100'000, RunnerAccess::writes);
  api::fill(out, 2.5);
  EXPECT_TRUE(std::all_of(out.begin(), out.end(), [](double x) { return x == 2.5; }));
  EXPECT_LT(hpc::remote::last_call().argument_bytes, 1000u) << "800 kB of output should not have been copied";

  SharedArray<double> in(100'000, RunnerAccess::reads);
  std::fill(in.begin(), in.end(), 1.0);
  EXPECT_DOUBLE_EQ(api::sum(in), 100'000);
  in[7] = 3;  // the caller's later writes are what the runner reads next
  EXPECT_DOUBLE_EQ(api::sum(in), 100'002);
}

TEST(Remote, AnArrayTheRunnerMayOnlyReadCannotBeWrittenThere) {
  SharedArray<double> in(1000, RunnerAccess::reads);
  std::fill(in.begin(), in.end(), 1.0);
  EXPECT_THROW(api::scale(in, 2), hpc::remote::ProtocolError) << "a writable span into a read-only array";
  EXPECT_THROW(api::write_to(in), hpc::remote::RunnerEnded) << "the mapping is read-only: writing kills the runner";
  EXPECT_EQ(in[0], 1.0);
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
