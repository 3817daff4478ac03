// Your own tests (never graded): build with the others, run with `ctest --preset student -L mine`.
// This example checks one thing the graded tests do not: a perfectly parallel program (every
// speedup equal to its core count) has no serial fraction, by Amdahl's fit and by Karp-Flatt.
#include <gtest/gtest.h>

#include <vector>

#include "lab06/scaling.hpp"

TEST(MyScaling, APerfectlyParallelProgramHasNoSerialFraction) {
  const std::vector<hpc::lab06::Timing> times = {{1, 8.0}, {2, 4.0}, {4, 2.0}, {8, 1.0}};
  EXPECT_NEAR(hpc::lab06::amdahl_serial_fraction(times), 0.0, 1e-12);
  EXPECT_NEAR(hpc::lab06::karp_flatt(8.0, 8), 0.0, 1e-12);
}
