// Your own tests (never graded): build with the others, run with `ctest --preset student -L mine`.
// This example checks one thing the graded tests do not: two equal bodies in a circular orbit
// stay on it.
#include <gtest/gtest.h>

#include <cmath>

#include "lab07/initial_conditions.hpp"
#include "lab07/integrator.hpp"

TEST(MyOrbit, TwoEqualBodiesKeepTheirDistance) {
  hpc::lab07::Bodies b = hpc::lab07::kepler_circular();
  b.m = {0.5, 0.5};
  b.x = {-0.5, 0.5};
  b.vy = {-0.5, 0.5};  // v^2 / (d/2) = G m / d^2 with d = 1, m = 0.5
  hpc::lab07::leapfrog(hpc::lab07::state_of(b), 0.001, 1000, 0.0);
  EXPECT_NEAR(std::hypot(b.x[1] - b.x[0], b.y[1] - b.y[0]), 1.0, 1e-4);
}
