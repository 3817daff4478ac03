// Task 4: your classifier on the planted programs (lab06/bottlenecks.hpp), each run once in a child
// process and profiled as the operating system sees it. Your code only sees the profile.
#include <gtest/gtest.h>

#include "lab06/accuracy_test.hpp"
#include "lab06/bottlenecks.hpp"
#include "lab06/classify.hpp"

namespace {

using namespace hpc::lab06;

constexpr double kSecondsPerProgram = 0.4;

TEST(Classify, NamesTheBottleneckOfNineOfTheTenPlantedPrograms) {
  expect_accuracy(planted_programs(kSecondsPerProgram), classify, 1);
}

TEST(Classify, ProfilesWhatTheOperatingSystemSaw) {  // the given collector, checked on a known program
  const RunProfile run = profile_run([] { spin_threads(2, 0.3); });
  EXPECT_GE(run.wall_seconds, 0.3);
  EXPECT_EQ(run.threads, 3) << "the main thread and the two spinning";
  EXPECT_EQ(run.thread_cpu_seconds.size(), 3u);
  EXPECT_FALSE(run.rss_mib.empty());
  // CPU time: some (a busy machine gives less), never more than two spinning threads can take.
  const double cpu = run.user_seconds + run.system_seconds;
  EXPECT_GT(cpu, 0.05) << describe(run);
  EXPECT_LE(cpu, 2 * run.wall_seconds + 0.05) << describe(run);
}

}  // namespace
