// Performance assertions for GoogleTest. A perf test measures a speedup against the lab's baseline
// (interleaved, median: see timing.hpp) and compares it with a target from the lab's grading.toml
// (compiled into <labNN>_thresholds.hpp at configure time, so the grader and the test agree).
//
//   hpc::expect_speedup_at_least(hpc::lab01::targets::matmul_speedup, [&] {
//     return hpc::Measurement::of(hpc::compare_interleaved(baseline, candidate));
//   });
//
// It measures up to three times (stopping once the top step of the points table is reached: a
// noisy first attempt costs time, never points), records what it measured as test properties in
// the GoogleTest XML (the grader awards step points from them), and fails with measured vs
// required when even the best attempt is below the pass threshold.
#pragma once

#include <functional>

#include "hpc/timing.hpp"

namespace hpc {

// What grading.toml asks of one perf test. `metric` is "speedup", or "efficiency", which is
// speedup / min(threads, usable cores, measured parallelism): the parallel target that scales
// with the machine, and with what the machine can give right now (see measured_parallelism);
// or "concurrency", speedup / threads, for work that waits (I/O) and overlaps on any number of cores;
// or "fraction", a share of a ceiling (cuBLAS's time over yours, achieved over peak bandwidth),
// which the measurement carries in `speedup`.
struct PerfTarget {
  const char* id;
  const char* metric;
  double pass_at;  // the lowest step: below it the test fails
  double top_at;   // the highest step: reaching it stops the retries
};

struct Measurement {
  double speedup = 0;
  int threads = 1;  // threads the candidate used (1 for a single-thread target)
  double baseline_seconds = 0;
  double candidate_seconds = 0;
  double spread = 0;
  double parallelism = 0;  // measured_parallelism(threads) next to this measurement; 0: not measured

  static Measurement of(const Comparison& comparison, int threads = 1);
};

// The parallelism a measurement is judged against: min(threads, usable cores), lowered to the
// measured parallelism when that was taken and is lower.
double parallel_denominator(const Measurement& measurement);

// The value a target's metric takes for a measurement.
double metric_value(const PerfTarget& target, const Measurement& measurement);

inline constexpr int kMaxPerfAttempts = 3;

void expect_speedup_at_least(const PerfTarget& target, const std::function<Measurement()>& measure);

}  // namespace hpc
