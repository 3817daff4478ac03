// Task 2: the memory tracker on programs of known allocation pattern (lab06/workloads.hpp), run in
// the runner with your hooks in its operator new and delete: exact counts, peak, scopes, leaks.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "lab06/memory_tracker.hpp"
#include "lab06/workloads.hpp"

namespace {

using namespace hpc::lab06;

std::map<std::string, ScopeMemory> by_path(const std::vector<ScopeMemory>& entries) {
  std::map<std::string, ScopeMemory> out;
  for (const ScopeMemory& e : entries) out[e.path] = e;
  return out;
}

void expect_scope(const std::map<std::string, ScopeMemory>& scopes, const std::string& path, std::uint64_t allocations,
                  std::uint64_t bytes) {
  ASSERT_TRUE(scopes.count(path)) << "no entry for the path \"" << path << "\"";
  EXPECT_EQ(scopes.at(path).allocations, allocations) << "allocations in \"" << path << "\"";
  EXPECT_EQ(scopes.at(path).bytes, bytes) << "bytes allocated in \"" << path << "\"";
}

TEST(MemoryTracker, CountsTheAllocationsAndFreesOfAKnownProgram) {
  memory_reset();
  known_allocations();
  const MemoryStats stats = memory_stats();
  EXPECT_EQ(stats.allocations, 138u);
  EXPECT_EQ(stats.frees, 131u);
  EXPECT_EQ(stats.current_bytes, 448u) << "the 7 blocks of 64 bytes never freed";
}

TEST(MemoryTracker, PeakIsTheHighestPointOfTheHeap) {
  memory_reset();
  known_allocations();
  // 24 outside + 100 x 1000 loaded + 448 leaked + 10 x 8000 of one step, all live at once.
  EXPECT_EQ(memory_stats().peak_bytes, 180'472u);
}

TEST(MemoryTracker, FilesEachAllocationUnderTheScopeOpenWhenItWasMade) {
  memory_reset();
  known_allocations();
  const auto scopes = by_path(memory_by_scope());
  expect_scope(scopes, "", 1, 24);
  expect_scope(scopes, "main;load", 100, 100'000);
  expect_scope(scopes, "main;leak", 7, 448);
  expect_scope(scopes, "main;step;parse", 30, 240'000);
  EXPECT_EQ(scopes.size(), 4u) << "paths where the program allocated nothing";
  const auto entries = memory_by_scope();
  for (std::size_t i = 1; i < entries.size(); ++i) EXPECT_LT(entries[i - 1].path, entries[i].path);
}

TEST(MemoryTracker, FindsThePlantedLeakAndWhereItWasAllocated) {
  memory_reset();
  known_allocations();
  const auto leaks = memory_leaks();
  ASSERT_EQ(leaks.size(), 1u) << "only the blocks of main;leak are never freed";
  EXPECT_EQ(leaks[0].path, "main;leak");
  EXPECT_EQ(leaks[0].allocations, 7u);
  EXPECT_EQ(leaks[0].bytes, 448u);
}

TEST(MemoryTracker, CountsEveryThreadsAllocationsExactly) {
  constexpr int kWorkers = 4, kPerThread = 20'000;
  memory_reset();
  threaded_allocations(kWorkers, kPerThread);
  const MemoryStats stats = memory_stats();
  EXPECT_EQ(stats.allocations, std::uint64_t{kWorkers} * (kPerThread + 1));
  EXPECT_EQ(stats.frees, std::uint64_t{kWorkers} * kPerThread);
  EXPECT_EQ(stats.current_bytes, std::uint64_t{kWorkers} * 32);
  EXPECT_GE(stats.peak_bytes, 64u + 32u);
  EXPECT_LE(stats.peak_bytes, std::uint64_t{kWorkers} * (64 + 32)) << "more live at once than the threads hold";
  const auto scopes = by_path(memory_by_scope());
  expect_scope(scopes, "worker;churn", std::uint64_t{kWorkers} * kPerThread, std::uint64_t{kWorkers} * kPerThread * 64);
  expect_scope(scopes, "worker;leak", kWorkers, kWorkers * 32);
  const auto leaks = memory_leaks();
  ASSERT_EQ(leaks.size(), 1u);
  EXPECT_EQ(leaks[0].path, "worker;leak");
  EXPECT_EQ(leaks[0].allocations, std::uint64_t{kWorkers});
}

TEST(MemoryTracker, IgnoresFreesOfBlocksItNeverSawAllocated) {
  memory_reset();
  frees_of_unknown_blocks();
  const MemoryStats stats = memory_stats();
  EXPECT_EQ(stats.allocations, 1u);
  EXPECT_EQ(stats.frees, 0u) << "10 blocks allocated before tracking were freed: they are not the program's";
  EXPECT_EQ(stats.current_bytes, 50u);
  EXPECT_EQ(stats.peak_bytes, 50u);
}

TEST(MemoryTracker, ResetForgetsEverything) {
  memory_reset();
  known_allocations();
  memory_reset();
  const MemoryStats stats = memory_stats();
  EXPECT_EQ(stats.allocations, 0u);
  EXPECT_EQ(stats.frees, 0u);
  EXPECT_EQ(stats.current_bytes, 0u);
  EXPECT_EQ(stats.peak_bytes, 0u);
  EXPECT_TRUE(memory_by_scope().empty());
  EXPECT_TRUE(memory_leaks().empty());
  known_allocations();
  EXPECT_EQ(memory_stats().peak_bytes, 180'472u) << "the second run, measured from zero again";
}

}  // namespace
