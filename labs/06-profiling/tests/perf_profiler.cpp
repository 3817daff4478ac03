// Task 1: what one scope costs. The given loop of two nested scopes (lab06::nested_scopes) with
// your profiler, against the same loop doing nothing but the clock reads that timing a scope
// needs, interleaved in one run, on one thread: the fraction of a scope's cost that is the clock.
#include <gtest/gtest.h>

#include "baseline.hpp"
#include "hpc/perf_test.hpp"
#include "lab06/profiler.hpp"
#include "lab06/workloads.hpp"
#include "lab06_thresholds.hpp"

namespace {

using namespace hpc::lab06;

TEST(ProfilerPerf, ScopeCostAgainstTheClockReadsAlone) {
  long iterations = 200'000;
  std::uint64_t base = 0, mine = 0;
  profiler_reset();
  hpc::expect_speedup_at_least(hpc::lab06::targets::profiler_overhead, [&] {
    return hpc::Measurement::of(hpc::compare_interleaved([&] { base = baseline::clock_only_nested_scopes(iterations); },
                                                         [&] { mine = nested_scopes(iterations); },
                                                         {.pairs = 5,
                                                          .warmup_calls = 1,
                                                          .vary = [&](int pair) { iterations = 200'000 + pair; },
                                                          .same = [&] { return mine == base; }}));
  });
  // Every scope counted, none lost on the way.
  std::uint64_t counted = 0;
  for (const ScopeStats& s : profiler_report()) counted += s.path == "outer" ? s.calls : 0;
  EXPECT_GE(counted, 1'000'000u) << "the outer scope's calls over all timed loops";
}

}  // namespace
