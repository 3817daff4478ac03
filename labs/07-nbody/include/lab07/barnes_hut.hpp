// Barnes-Hut: far groups of bodies act as one body at their centre of mass.
#pragma once

#include <span>

#include "lab07/bodies.hpp"

namespace hpc::lab07 {

// Task 3 (src/barnes_hut.cpp): every body's acceleration in O(n log n): an octree over the
// bodies (build it from the bodies sorted by their Morton codes), each cell's total mass and
// centre of mass, then for every body a walk that opens a cell of side s at distance d only when
// s / d >= theta (and always opens a cell that holds the body itself). Same formula and softening
// as direct_accelerations. `acc` is overwritten.
// Checked: the error against the direct sum (median and 99th percentile over the bodies, at
// theta = 0.3, 0.5, 0.7) is within the handout's bounds and shrinks as theta does.
void tree_accelerations(Positions pos, std::span<const double> m, double softening, double theta, Accelerations acc);

}  // namespace hpc::lab07
