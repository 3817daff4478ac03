// Initial conditions (given: students read them, don't edit them). G = 1 throughout.
#pragma once

#include <cstddef>
#include <cstdint>

#include "lab07/bodies.hpp"

namespace hpc::lab07 {

// A body of mass 1e-9 on a circle of radius 1 around a body of mass 1 at rest at the origin:
// the period is 2 pi (to 1e-9).
Bodies kepler_circular();

// The same pair on an ellipse of eccentricity e (0 <= e < 1) and semi-major axis 1, starting at
// pericentre: the period is 2 pi, the energy -1e-9 / 2.
Bodies kepler_ellipse(double eccentricity);

// The Chenciner-Montgomery figure-eight: three unit masses chasing each other on one curve.
Bodies figure_eight();
inline constexpr double kFigureEightPeriod = 6.32591398;

// A Plummer sphere of n equal masses (total 1) in Henon units (G = M = 1, E = -1/4), drawn from
// `seed`, centred on the origin at rest (Aarseth, Henon and Wielen 1974).
Bodies plummer(std::size_t n, std::uint64_t seed);

// n equal masses (total 1) at rest, uniform in a ball of radius 1: a cold collapse.
Bodies cold_sphere(std::size_t n, std::uint64_t seed);

// n equal masses (total 1) at rest, uniform in the cube [0, side)^3.
Bodies uniform_cube(std::size_t n, std::uint64_t seed, double side = 1.0);

}  // namespace hpc::lab07
