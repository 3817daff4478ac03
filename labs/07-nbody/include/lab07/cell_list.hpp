// Neighbours: which bodies are close to each other.
#pragma once

#include <vector>

#include "lab07/bodies.hpp"

namespace hpc::lab07 {

// Task 4 (src/cell_list.cpp): every pair (i, j), i < j, of bodies closer than `radius`
// (|r_i - r_j| < radius), sorted by (i, j), in O(n) for bodies at a fixed density: bin the
// bodies into cubic cells of side >= radius, and compare each body only with the bodies of its
// own cell and the 26 around it. Checked: exactly the brute-force pair set, for uniform and
// clustered bodies, pairs across cell boundaries and at the edges of the box included.
std::vector<Pair> close_pairs(Positions pos, double radius);

}  // namespace hpc::lab07
