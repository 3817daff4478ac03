// The slow, sure versions that Lab 07's results are checked and its speed is measured against.
#pragma once

#include <span>
#include <vector>

#include "lab07/bodies.hpp"

namespace hpc::lab07::baseline {

// The scalar array-of-structs direct sum: the bodies copied into {x, y, z, m} records, one pair at
// a time, fp64, never vectorized. The reference for accuracy and the baseline for speed.
void direct_accelerations(Positions pos, std::span<const double> m, double softening, Accelerations acc);
// The same loop with the bodies split among threads (OpenMP): the baseline of the parallel item.
void direct_accelerations_parallel(Positions pos, std::span<const double> m, double softening, Accelerations acc);

// Every pair checked: the pairs (i < j) with (xi-xj)^2 + (yi-yj)^2 + (zi-zj)^2 < radius^2, sorted.
std::vector<Pair> close_pairs(Positions pos, double radius);

}  // namespace hpc::lab07::baseline
