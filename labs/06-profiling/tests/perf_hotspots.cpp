// Task 3 (b): your analysis against the slow program (baseline/slow_log_analytics.cpp),
// interleaved in one run on a generated log of 200 000 lines; every timed report must be the slow
// program's, byte for byte.
#include <gtest/gtest.h>

#include <string>

#include "baseline.hpp"
#include "hpc/data.hpp"
#include "hpc/perf_test.hpp"
#include "lab06/hotspots.hpp"
#include "lab06_thresholds.hpp"

namespace {

using namespace hpc::lab06;

TEST(HotSpotsPerf, FastAnalysisAgainstTheSlowProgram) {
  const std::uint64_t seed = hpc::test_seed();
  const std::string log = generate_access_log(seed, 200'000);
  const int k = shape_of(seed).k;
  std::string base, mine;
  hpc::expect_speedup_at_least(hpc::lab06::targets::hotspots_speedup, [&] {
    return hpc::Measurement::of(hpc::compare_interleaved([&] { base = baseline::analyze_access_log_slowly(log, k); },
                                                         [&] { mine = analyze_access_log(log, k); },
                                                         {.pairs = 5, .same = [&] { return mine == base; }}));
  });
}

}  // namespace
