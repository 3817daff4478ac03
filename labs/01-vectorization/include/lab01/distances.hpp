// Exercise 2: the pairwise Euclidean distance matrix (scipy.spatial.distance.cdist).
#pragma once

#include <cstddef>
#include <span>

namespace hpc::lab01 {

// out[i * m + j] = || x_i - y_j ||_2, where x is n x d and y is m x d, both row-major.
// Precision: the fast form |x|^2 + |y|^2 - 2 x.y cancels for points close together far from the
// origin (relative error up to ~1e-4 for clustered points at |x| ~ 1e3, as scipy's cdist shows
// too); the tests' tolerances allow it, and identical points must still come out (near) zero.
void pairwise_distances(std::span<const double> x, std::span<const double> y, std::span<double> out, std::size_t n,
                        std::size_t m, std::size_t d);

}  // namespace hpc::lab01
