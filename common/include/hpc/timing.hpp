// Relative timing that survives a noisy, shared machine.
//
// A speedup is measured by alternating the two functions (A B A B ...), timing each with the
// monotonic std::chrono::steady_clock (never a CPU-time clock: a parallel kernel uses more CPU time
// than wall time), and taking the median of the per-pair ratios. Noise that lasts longer than one
// pair (another job, frequency changes) hits both sides of a pair alike and cancels in the ratio.
#pragma once

#include <functional>
#include <vector>

namespace hpc {

struct TimingOptions {
  int pairs = 7;                     // interleaved (baseline, candidate) pairs; the median is taken
  int warmup_calls = 1;              // untimed calls of each function first (caches, page faults)
  double min_sample_seconds = 0.02;  // a sample repeats a fast function until it lasts this long
};

struct Comparison {
  double speedup = 0;            // median over pairs of baseline_time / candidate_time
  double baseline_seconds = 0;   // median time of one baseline call
  double candidate_seconds = 0;  // median time of one candidate call
  double spread = 0;             // (max - min) / median of the per-pair ratios: the noise seen
  int pairs = 0;
};

// Wall time of one call of `fn`, averaged over enough repetitions to last `min_seconds`.
double time_call(const std::function<void()>& fn, double min_seconds);

// Interleaved comparison of `candidate` against `baseline` (see the file comment).
Comparison compare_interleaved(const std::function<void()>& baseline,
                               const std::function<void()>& candidate,
                               const TimingOptions& options = {});

// The interleaving and statistics of compare_interleaved, for callers that take a sample their own
// way (hpc/mpi_timing.hpp times it across MPI ranks): sample(side, repetitions) returns the
// seconds per call of that side, averaged over `repetitions` back-to-back calls.
enum class Side { baseline, candidate };
Comparison compare_interleaved_samples(const std::function<double(Side, int)>& sample,
                                       const TimingOptions& options = {});

double median(std::vector<double> values);

// Busy-waits for `seconds` of wall time: a function of known cost, used to test the harness itself.
void spin_for(double seconds);

}  // namespace hpc
