#include "hpc/timing.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

namespace hpc {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double time_repeated(const std::function<void()>& fn, int repetitions) {
  const auto start = Clock::now();
  for (int i = 0; i < repetitions; ++i) fn();
  return seconds_since(start) / repetitions;
}

int repetitions_for(double once, double min_seconds) {
  return once >= min_seconds ? 1 : static_cast<int>(std::ceil(min_seconds / std::max(once, 1e-9)));
}

}  // namespace

double median(std::vector<double> values) {
  if (values.empty()) throw std::invalid_argument("median of an empty set");
  const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  if (values.size() % 2 == 1) return *middle;
  return (*middle + *std::max_element(values.begin(), middle)) / 2;
}

double time_call(const std::function<void()>& fn, double min_seconds) {
  const auto start = Clock::now();
  fn();
  return time_repeated(fn, repetitions_for(seconds_since(start), min_seconds));
}

Comparison compare_interleaved_samples(const std::function<double(Side, int)>& sample,
                                       const TimingOptions& options) {
  if (options.pairs < 1) throw std::invalid_argument("compare_interleaved needs at least one pair");
  for (int i = 0; i < options.warmup_calls; ++i) {
    sample(Side::baseline, 1);
    sample(Side::candidate, 1);
  }
  const int baseline_reps = repetitions_for(sample(Side::baseline, 1), options.min_sample_seconds);
  const int candidate_reps = repetitions_for(sample(Side::candidate, 1), options.min_sample_seconds);

  std::vector<double> ratios, baseline_times, candidate_times;
  for (int pair = 0; pair < options.pairs; ++pair) {
    // Alternate which side goes first so that neither always inherits the other's warm caches.
    double b, c;
    if (pair % 2 == 0) {
      b = sample(Side::baseline, baseline_reps);
      c = sample(Side::candidate, candidate_reps);
    } else {
      c = sample(Side::candidate, candidate_reps);
      b = sample(Side::baseline, baseline_reps);
    }
    baseline_times.push_back(b);
    candidate_times.push_back(c);
    ratios.push_back(b / std::max(c, 1e-12));
  }
  Comparison result;
  result.pairs = options.pairs;
  result.speedup = median(ratios);
  result.baseline_seconds = median(baseline_times);
  result.candidate_seconds = median(candidate_times);
  const auto [lo, hi] = std::minmax_element(ratios.begin(), ratios.end());
  result.spread = (*hi - *lo) / result.speedup;
  return result;
}

Comparison compare_interleaved(const std::function<void()>& baseline,
                               const std::function<void()>& candidate,
                               const TimingOptions& options) {
  return compare_interleaved_samples(
      [&](Side side, int repetitions) {
        return time_repeated(side == Side::baseline ? baseline : candidate, repetitions);
      },
      options);
}

void spin_for(double seconds) {
  const auto start = Clock::now();
  while (seconds_since(start) < seconds) {
  }
}

}  // namespace hpc
