// Tests of the given initial conditions and diagnostics (not graded: they test course code).
#include <gtest/gtest.h>

#include <cmath>

#include "lab07/diagnostics.hpp"
#include "lab07/initial_conditions.hpp"

namespace {

using namespace hpc::lab07;

TEST(InitialConditions, APlummerSphereIsInHenonUnitsAndInEquilibrium) {
  const Bodies b = plummer(4096, 1);
  double mass = 0;
  for (double m : b.m) mass += m;
  EXPECT_NEAR(mass, 1.0, 1e-12);
  EXPECT_NEAR(total_energy(b, 0.0), -0.25, 0.02) << "Henon units: E = -1/4";
  EXPECT_NEAR(virial_ratio(b, 0.0), 1.0, 0.1) << "2K / |W| of a system in equilibrium";
  for (double p : momentum(b)) EXPECT_NEAR(p, 0.0, 1e-14);
}

TEST(InitialConditions, TheFigureEightHasNoMomentumAndItsKnownEnergy) {
  const Bodies b = figure_eight();
  for (double p : momentum(b)) EXPECT_NEAR(p, 0.0, 1e-8);
  for (double l : angular_momentum(b)) EXPECT_NEAR(l, 0.0, 1e-7);
  EXPECT_NEAR(total_energy(b, 0.0), -1.2871, 1e-3);
}

TEST(InitialConditions, AKeplerEllipseHasTheEnergyOfItsSemiMajorAxis) {
  for (const double e : {0.0, 0.5, 0.9}) {
    const Bodies b = kepler_ellipse(e);
    EXPECT_NEAR(total_energy(b, 0.0) / 1e-9, -0.5, 1e-6) << "E = -G M m / 2a, e = " << e;
  }
  EXPECT_THROW(kepler_ellipse(1.0), std::invalid_argument);
}

TEST(InitialConditions, AColdSphereIsAtRestInsideTheUnitBall) {
  const Bodies b = cold_sphere(1000, 2);
  EXPECT_EQ(kinetic_energy(b), 0.0);
  for (std::size_t i = 0; i < b.size(); ++i) EXPECT_LE(std::hypot(b.x[i], b.y[i], b.z[i]), 1.2);
}

}  // namespace
