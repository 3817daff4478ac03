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

namespace hpc {

// Empty when the machine is quiet; otherwise what was measured that says it is busy. Looks at
//  - the CPU time other processes took, over `window`, on the CPUs this process may run on
//    (/proc/stat, minus this process's own CPU time): busy from a third of a core;
//  - the 1-minute load average against the online CPUs (/proc/loadavg): busy above 1.5 per CPU,
//    which catches load that ended just before the check but ran during the measurement.
// Deliberately independent of measured_parallelism(): a broken calibration must not excuse itself.
std::string machine_busy_reason(std::chrono::milliseconds window = std::chrono::milliseconds(300));

}  // namespace hpc
