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
//
// A measurement the machine did not give what it needs is inconclusive, never a lowered bar:
// a parallel target whose measured parallelism is well below the cores counted (a busy machine),
// timings that spread more than kMaxSpread, an efficiency above kMaxEfficiency (physically
// impossible: a measurement error), or a comparison the time budget cut short. Such attempts are
// retried after a pause; when none is conclusive the test is skipped with verdict "inconclusive"
// and the reason, which the grader reports as such (0 points, and the word to regrade). A parallel
// candidate must also really run in parallel: its CPU time over wall time must show it kept more
// than one core busy (kMinBusyShare), or it fails.
#pragma once

#include <functional>
#include <string>

#include "hpc/timing.hpp"

namespace hpc {

// What grading.toml asks of one perf test. `metric` is "speedup", or "efficiency", which is
// speedup / min(threads, cores counted): the parallel target that scales with the machine (the
// grader counts the cores, HPC_GRADING_CORES, so that code under test cannot change the count);
// or "parallel_speedup", a speedup on every core against a baseline that also runs on every core (a
// kernel far faster than its scalar baseline on one core, whose efficiency over that baseline would
// exceed 1): judged as parallel, so the cores must be busy, but not divided by them;
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
  double parallelism = 0;   // measured_parallelism(threads) next to this measurement; 0: not measured
  double cpu_ratio = 0;     // the candidate's CPU time over wall time (0: not measured)
  bool complete = true;     // false: the time budget cut the comparison short
  int wrong_pair = -1;      // checked timing: a timed call of the candidate returned a wrong result
  double other_cores = -1;  // cores other processes kept busy during the measurement (-1: not measured)
  std::string untrusted;    // why the timing cannot be trusted (Comparison::untrusted), or ""

  static Measurement of(const Comparison& comparison, int threads = 1);
};

// The cores the grader counts for this run (HPC_GRADING_CORES), else this process's usable cores.
int counted_cores();

// The parallelism a measurement is judged against: min(threads, cores counted). Never lowered to
// what a busy machine gives now: such a measurement is inconclusive instead.
double parallel_denominator(const Measurement& measurement);

inline constexpr double kMaxSpread = 0.5;         // timings spreading more are noise, not a measurement
inline constexpr double kMaxEfficiency = 1.3;     // above it an efficiency is a measurement error
inline constexpr double kMinParallelShare = 0.8;  // measured parallelism below this share of the cores: busy
inline constexpr double kMinBusyShare = 0.5;      // a parallel candidate keeps >= 1 + this * (cores - 1) busy
inline constexpr double kMaxOtherCores = 0.3;     // other processes busier than this during an attempt: busy

// Why a measurement is inconclusive, or "" when it can be graded.
std::string inconclusive_reason(const PerfTarget& target, const Measurement& measurement);
// Whether other processes kept the machine from the measurement (its parallelism probe, their
// CPU time), or "": then code that kept too few cores busy is no verdict either way.
std::string busy_machine_reason(const PerfTarget& target, const Measurement& measurement);

// The value a target's metric takes for a measurement.
double metric_value(const PerfTarget& target, const Measurement& measurement);

inline constexpr int kMaxPerfAttempts = 3;          // conclusive attempts
inline constexpr int kMaxInconclusiveAttempts = 4;  // more, after pauses of 1, 2, 4 s, before giving up

void expect_speedup_at_least(const PerfTarget& target, const std::function<Measurement()>& measure);

// Marks the running test's verdict "inconclusive" for the grader (0 points, and the word to grade
// again), with the reason; the test then skips: GTEST_SKIP() << "inconclusive: " << reason. For a
// correctness test that measures time and found the machine too busy to tell (hpc/busy.hpp).
void record_inconclusive(const std::string& reason);

// One call's work, for the grader's roofline feedback (never points), when the problem size alone
// does not fix it and grading.toml cannot declare it (`flops`, `bytes`): e.g. the escape
// iterations of the image a Mandelbrot test times, counted from the baseline's output.
void record_work(double flops, double bytes);

}  // namespace hpc
