#include "hpc/perf_test.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "hpc/machine.hpp"

namespace hpc {

Measurement Measurement::of(const Comparison& comparison, int threads) {
  Measurement m;
  m.speedup = comparison.speedup;
  m.threads = threads;
  m.baseline_seconds = comparison.baseline_seconds;
  m.candidate_seconds = comparison.candidate_seconds;
  m.spread = comparison.spread;
  return m;
}

double parallel_denominator(const Measurement& measurement) {
  const double cores = effective_parallelism(measurement.threads);
  return measurement.parallelism > 0 ? std::clamp(measurement.parallelism, 1.0, cores) : cores;
}

double metric_value(const PerfTarget& target, const Measurement& measurement) {
  const std::string metric = target.metric;
  if (metric == "speedup") return measurement.speedup;
  if (metric == "efficiency") return measurement.speedup / parallel_denominator(measurement);
  if (metric == "concurrency") return measurement.speedup / std::max(1, measurement.threads);
  if (metric == "fraction") return measurement.speedup;  // the measure already is a fraction of a ceiling
  throw std::invalid_argument("unknown perf metric '" + metric + "' for " + target.id);
}

void expect_speedup_at_least(const PerfTarget& target, const std::function<Measurement()>& measure) {
  Measurement best;
  double best_value = -1;
  int attempts = 0;
  while (attempts < kMaxPerfAttempts && best_value < target.top_at) {
    ++attempts;
    Measurement m = measure();
    // An MPI measurement brings its own (collective) probe: see hpc/mpi_timing.hpp.
    if (std::string(target.metric) == "efficiency" && m.parallelism == 0) {
      m.parallelism = measured_parallelism(m.threads);
    }
    const double value = metric_value(target, m);
    if (value > best_value) {
      best = m;
      best_value = value;
    }
  }
  const double cores = parallel_denominator(best);
  ::testing::Test::RecordProperty("metric", target.metric);
  ::testing::Test::RecordProperty("value", std::to_string(best_value));
  ::testing::Test::RecordProperty("required", std::to_string(target.pass_at));
  ::testing::Test::RecordProperty("speedup", std::to_string(best.speedup));
  ::testing::Test::RecordProperty("threads", best.threads);
  ::testing::Test::RecordProperty("cores", std::to_string(cores));
  ::testing::Test::RecordProperty("attempts", attempts);
  ::testing::Test::RecordProperty("baseline_ms", std::to_string(best.baseline_seconds * 1e3));
  ::testing::Test::RecordProperty("candidate_ms", std::to_string(best.candidate_seconds * 1e3));

  std::ostringstream summary;
  summary << target.id << ": " << target.metric << " " << best_value << " (speedup " << best.speedup
          << "x on " << best.threads << " thread(s), " << cores << " core(s) counted; baseline "
          << best.baseline_seconds * 1e3 << " ms, yours " << best.candidate_seconds * 1e3
          << " ms; best of " << attempts << " attempt(s), spread " << best.spread << ")";
  std::cout << "[ PERF     ] " << summary.str() << "\n";
  EXPECT_GE(best_value, target.pass_at)
      << summary.str() << "\n  required: " << target.metric << " >= " << target.pass_at
      << " (full points from " << target.top_at << ")";
}

}  // namespace hpc
