// Gravity, summed over every pair: the softened acceleration of body i is
//
//   a_i = sum over j != i of  m_j (r_j - r_i) / (|r_j - r_i|^2 + eps^2)^(3/2)
//
// with G = 1 and softening length eps (0 allowed when no two bodies coincide).
#pragma once

#include <span>

#include "lab07/bodies.hpp"

namespace hpc::lab07 {

// Task 2 (src/direct.cpp): every body's acceleration from every other body, fast: contiguous
// arrays the compiler vectorizes (fp64, or fp32 with care: see the handout), then OpenMP across
// bodies (the caller's omp_set_num_threads decides how many). `acc` is overwritten.
// Checked: relative error per body at most 1e-6 of |a_i| against the fp64 baseline, any n.
void direct_accelerations(Positions pos, std::span<const double> m, double softening, Accelerations acc);

}  // namespace hpc::lab07
