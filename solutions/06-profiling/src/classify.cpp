#include "lab06/classify.hpp"

#include <algorithm>
#include <cstddef>

namespace hpc::lab06 {

namespace {

// A thread that waits (for a lock, a read, a timer) gives up its core: a voluntary switch. A busy
// program makes a few per second (its clock ticks); programs that wait make thousands.
constexpr double kWaitingSwitchesPerSecond = 500;
// Bytes through read/write calls that make waiting "I/O": far more than a busy program's logging.
constexpr double kIoBytesPerSecond = 10e6;
// Resident memory that still grows between the middle and the end of the run, by this factor and
// at least this much, keeps growing: a leak. A footprint that is only set up at the start does not.
constexpr double kGrowthFactor = 1.3;
constexpr double kGrowthMib = 16;
// A footprint far beyond any cache (the last-level caches of these machines hold 32 MiB at most):
// a busy program streaming through it waits on DRAM, whatever it computes.
constexpr double kStreamingFootprintMib = 128;

double rss_at(const std::vector<double>& rss, double fraction) {
  return rss[static_cast<std::size_t>(fraction * static_cast<double>(rss.size() - 1))];
}

bool keeps_growing(const std::vector<double>& rss) {
  if (rss.size() < 4) return false;
  const double middle = rss_at(rss, 0.5), late = rss_at(rss, 0.9);
  return late > kGrowthFactor * middle && late - middle > kGrowthMib;
}

}  // namespace

// Rules in order, from the most specific symptom to the default. A program that waits is I/O-bound
// when it moves data through system calls, lock-bound when its threads only wait for each other;
// a busy one is bandwidth-bound when its footprint dwarfs the caches, else compute-bound.
Bottleneck classify(const RunProfile& run) {
  if (keeps_growing(run.rss_mib)) return Bottleneck::memory_growth;
  const double wall = std::max(run.wall_seconds, 1e-9);
  const bool waits = static_cast<double>(run.voluntary_switches) / wall > kWaitingSwitchesPerSecond;
  const double io_rate = static_cast<double>(run.read_bytes + run.write_bytes) / wall;
  if (waits && io_rate > kIoBytesPerSecond) return Bottleneck::io_bound;
  if (waits && run.threads > 1) return Bottleneck::lock_contended;
  const double footprint = run.rss_mib.empty() ? 0 : *std::max_element(run.rss_mib.begin(), run.rss_mib.end());
  if (footprint > kStreamingFootprintMib) return Bottleneck::memory_bandwidth;
  return Bottleneck::cpu_bound;
}

}  // namespace hpc::lab06
