// Is the machine too busy right now for a test to assert a timing fact about it? A harness self-test
// that measured something implausible (no parallelism, a wrong ratio) asks this before failing:
// on a machine other processes are loading, the measurement is inconclusive, not a broken product.
//
//   if (measured < expected) {
//     if (const auto why = hpc::machine_busy_reason(); !why.empty())
//       GTEST_SKIP() << "inconclusive: machine busy (" << why << ")";
//   }
//   EXPECT_GE(measured, expected);  // on a quiet machine the assertion stands
#pragma once

#include <chrono>
#include <string>
#include <utility>

namespace hpc {

// Empty when the machine is quiet; otherwise what was measured that says it is busy. Looks at
//  - the CPU time other processes took, over `window`, on the CPUs this process may run on
//    (/proc/stat, minus this process's own CPU time): busy from a third of a core;
//  - the 1-minute load average against the online CPUs (/proc/loadavg): busy above 1.5 per CPU,
//    which catches load that ended just before the check but ran during the measurement.
// Deliberately independent of measured_parallelism(): a broken calibration must not excuse itself.
std::string machine_busy_reason(std::chrono::milliseconds window = std::chrono::milliseconds(300));

// Other processes' CPU use on the CPUs this process may run on, from its construction to cores():
// the average number of cores they kept busy, this process's own CPU time and its running
// children's (a pool's workers) taken out. A perf attempt reads it around its measurement: a
// co-runner that shares the caches and memory bandwidth skews even a single-thread ratio.
class OtherProcessesLoad {
 public:
  OtherProcessesLoad();
  double cores() const;  // -1 when /proc/stat cannot be read, or less than 50 ms have passed
  // The raw sums behind cores(), to add up over several short windows: CPU seconds other processes
  // used, and wall seconds passed (both 0 when /proc/stat cannot be read).
  std::pair<double, double> other_and_wall_seconds() const;

 private:
  double ticks_ = 0, own_seconds_ = 0;
  int cpus_ = 0;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace hpc
