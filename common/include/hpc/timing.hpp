// Relative timing that survives a noisy, shared machine.
//
// A speedup is measured by alternating the two functions (A B A B ...), timing each with the
// monotonic std::chrono::steady_clock (never a CPU-time clock: a parallel kernel uses more CPU time
// than wall time), and taking the median of the per-pair ratios. Noise that lasts longer than one
// pair (another job, frequency changes) hits both sides of a pair alike and cancels in the ratio.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace hpc {

enum class Side { baseline, candidate };

struct TimingOptions {
  int pairs = 7;                     // interleaved (baseline, candidate) pairs; the median is taken
  int warmup_calls = 1;              // untimed calls of each function first (caches, page faults)
  double min_sample_seconds = 0.02;  // a sample repeats a fast function until it lasts this long
  // Checked timing, so that no result can be remembered from an earlier call: when `vary` is set,
  // it is called before every pair (and before the warm-up, with -1) to change the inputs in
  // place (the same buffers, new values), every sample is one call, and after every pair `same`
  // says whether the candidate's output equals the baseline's, both computed on those inputs.
  std::function<void(int pair)> vary = {};
  std::function<bool()> same = {};
  // Called right before every sample, untimed: e.g. gives the baseline a fresh copy of its inputs,
  // as a remote call gives the candidate one (hpc/remote.hpp), so that both start alike in cache.
  std::function<void(Side side)> before_sample = {};
};

// The grader gives a perf test a time budget (HPC_PERF_BUDGET_S, counted from the program's start)
// below its timeout: a slow baseline on a busy machine must not get the test killed. Past it,
// comparisons stop adding pairs, and one with fewer than 3 pairs is marked incomplete.
bool time_budget_spent();
double time_budget_left_seconds();  // infinity when the grader set no budget
double seconds_since_program_start();
// The item's whole time limit (HPC_TIME_LIMIT_S, set by the grader for every test program it runs),
// or infinity when run outside the grader: a test that chooses its own work load stays inside it.
double time_limit_seconds();

struct Comparison {
  double speedup = 0;            // median over pairs of baseline_time / candidate_time
  double baseline_seconds = 0;   // median time of one baseline call
  double candidate_seconds = 0;  // median time of one candidate call
  double spread = 0;             // (max - min) / median of the per-pair ratios: the noise seen
  int pairs = 0;
  bool complete = true;            // false: the time budget ran out before the minimum of pairs
  int wrong_pair = -1;             // checked timing: the first pair whose candidate output was wrong
  double candidate_cpu_ratio = 0;  // CPU time of this process and its children over wall time during
                                   // the candidate's samples: the cores it kept busy (0: not measured)
  double other_cores = -1;         // the most cores other processes kept busy during either side's
                                   // samples (a co-runner skews the short side most; -1: not measured)
  std::string untrusted;           // why a sample's timing cannot be trusted (see distrust_timing), or ""
};

// Work inside a sample that is not the function's own (a remote call's copies of its arguments and
// result, hpc/remote.hpp): the wall time spent inside an UntimedScope is taken out of the sample.
class UntimedScope {
 public:
  UntimedScope();
  ~UntimedScope();
  UntimedScope(const UntimedScope&) = delete;
  UntimedScope& operator=(const UntimedScope&) = delete;

 private:
  double start_;
};

// Marks the timing of the sample under way as untrustworthy, saying why (a remote runner that
// worked while it was not timed): the comparison carries the reason and is inconclusive.
void distrust_timing(const std::string& why);

// A process whose CPU time counts as this program's own (a remote runner started for it, which is
// not always its child): cpu_seconds_of_process_tree() adds it and its descendants, or, with a uid
// that is not this process's, every process of that uid (a sandbox uid of its own).
void count_as_own(long pid, long uid = -1);
void stop_counting_as_own(long pid);
// The CPU seconds of the processes counted as own alone (0 when there are none). A comparison
// whose baseline samples saw them work is untrusted: they may only work when called.
double cpu_seconds_counted_as_own();

// CPU seconds used so far by this process and every process below it that is still running
// (a process pool's workers): what a parallel candidate keeps busy, threads or processes.
double cpu_seconds_of_process_tree();

// Wall time of one call of `fn`, averaged over enough repetitions to last `min_seconds`.
double time_call(const std::function<void()>& fn, double min_seconds);

// Interleaved comparison of `candidate` against `baseline` (see the file comment).
Comparison compare_interleaved(const std::function<void()>& baseline, const std::function<void()>& candidate,
                               const TimingOptions& options = {});

// The interleaving and statistics of compare_interleaved, for callers that take a sample their own
// way (hpc/mpi_timing.hpp times it across MPI ranks): sample(side, repetitions) returns the
// seconds per call of that side, averaged over `repetitions` back-to-back calls.
Comparison compare_interleaved_samples(const std::function<double(Side, int)>& sample,
                                       const TimingOptions& options = {});

double median(std::vector<double> values);

// Puts this process's allocator in one fixed state, the same in every test program and runner, so
// that a kernel's speed never depends on what ran before it in its process:
//  - the mode glibc's malloc keeps once a second thread has existed (in a process that never had
//    one it takes another path: a baseline that allocates a small vector per pair ran 40 ms in one
//    mode and 28 ms in the other), whether or not the code under test starts threads;
//  - freed memory kept, not returned to the system: a function that returns a large result
//    otherwise pays for fresh pages (page faults) at every call, or not, by the heap's history.
void settle_allocator();

// Busy-waits for `seconds` of wall time: a function of known cost, used to test the harness itself.
void spin_for(double seconds);

}  // namespace hpc
