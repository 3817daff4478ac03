#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "hpc/data.hpp"
#include "lab07/diagnostics.hpp"
#include "lab07/initial_conditions.hpp"
#include "lab07/integrator.hpp"

namespace {

using namespace hpc::lab07;

double distance_between(const Bodies& a, const Bodies& b, std::size_t i) {
  return std::hypot(a.x[i] - b.x[i], a.y[i] - b.y[i], a.z[i] - b.z[i]);
}

void run(Bodies& b, double dt, int steps, double softening) { leapfrog(state_of(b), dt, steps, softening); }

TEST(Orbits, AKeplerCircleClosesAfterOnePeriod) {
  const Bodies start = kepler_circular();
  Bodies b = start;
  run(b, 2 * std::numbers::pi / 2000, 2000, 0.0);
  EXPECT_LT(distance_between(b, start, 1), 1e-3) << "the planet is not back where it started after 2 pi";
  EXPECT_LT(distance_between(b, start, 0), 1e-8) << "the sun (mass 1e9 times the planet's) hardly moves";
}

TEST(Orbits, TheFigureEightReturnsAfterItsPeriod) {
  const Bodies start = figure_eight();
  Bodies b = start;
  const int steps = 20000;
  run(b, kFigureEightPeriod / steps, steps, 0.0);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_LT(distance_between(b, start, i), 1e-3) << "body " << i << " after one period";
  }
}

// Leapfrog is time-reversible: run forward, turn the velocities round, run as long again, and
// the bodies are back where they started (to round-off).
TEST(Invariants, TimeRunsBackwards) {
  const Bodies start = plummer(64, hpc::test_seed());
  Bodies b = start;
  run(b, 0.01, 100, 0.05);
  for (auto* v : {&b.vx, &b.vy, &b.vz}) {
    for (double& x : *v) x = -x;
  }
  run(b, 0.01, 100, 0.05);
  for (std::size_t i = 0; i < b.size(); ++i) {
    ASSERT_LT(distance_between(b, start, i), 1e-10) << "body " << i << " did not come back";
  }
}

// A second-order method: halving dt divides the energy error by 4. Fitted over an eccentric
// orbit (where the error is largest, at pericentre), the slope of log|dE| against log dt is 2.
TEST(Invariants, TheEnergyErrorFallsAsDtSquared) {
  std::vector<double> log_dt, log_error;
  for (const int steps : {400, 800, 1600}) {
    Bodies b = kepler_ellipse(0.5);
    const double e0 = total_energy(b, 0.0), dt = 2 * std::numbers::pi / steps;
    double worst = 0;
    for (int chunk = 0; chunk < 40; ++chunk) {  // the largest error along one period
      run(b, dt, steps / 40, 0.0);
      worst = std::max(worst, std::abs((total_energy(b, 0.0) - e0) / e0));
    }
    log_dt.push_back(std::log(dt));
    log_error.push_back(std::log(worst));
  }
  const double slope = (log_error.back() - log_error.front()) / (log_dt.back() - log_dt.front());
  EXPECT_NEAR(slope, 2.0, 0.2) << "energy error ~ dt^slope; leapfrog's is dt^2";
}

TEST(Invariants, MomentumStaysPut) {
  Bodies b = plummer(200, hpc::test_seed() + 1);
  const auto p0 = momentum(b), l0 = angular_momentum(b);
  run(b, 0.01, 50, 0.05);
  const auto p = momentum(b), l = angular_momentum(b);
  for (int k = 0; k < 3; ++k) {
    EXPECT_NEAR(p[k], p0[k], 1e-12) << "linear momentum, axis " << k;
    EXPECT_NEAR(l[k], l0[k], 1e-10) << "angular momentum, axis " << k;
  }
}

// A Plummer sphere in equilibrium keeps its energy over a crossing time (2 sqrt 2 in Henon units).
TEST(Invariants, APlummerSphereKeepsItsEnergyOverACrossingTime) {
  Bodies b = plummer(256, hpc::test_seed() + 2);
  const double softening = 0.05, e0 = total_energy(b, softening);
  run(b, 1.0 / 128, 362, softening);
  EXPECT_LT(std::abs((total_energy(b, softening) - e0) / e0), 1e-3);
}

}  // namespace
