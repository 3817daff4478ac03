// Reference solution: ||x - y||^2 = ||x||^2 + ||y||^2 - 2 x.y turns the distance matrix into one
// matrix product X Y^T plus two vectors of norms: no temporaries, no per-pair passes.
// The product uses matmul's trick at small scale: y is transposed (and zero-padded to whole
// vectors) so that for a fixed k the values y_j[k] of neighbouring j are contiguous, and a tile
// of RI rows x NV vectors of dot products stays in registers for the whole k loop. The distance
// is finished in the same tile, while it is still in registers.
#include <algorithm>
#include <cmath>
#include <vector>

#include "hpc/simd.hpp"
#include "lab01/distances.hpp"

namespace hpc::lab01 {
namespace {

using simd::kLanes;
using simd::Vec;

constexpr std::size_t RI = 4;            // rows of x per tile
constexpr std::size_t NV = 2;            // vectors of y per tile
constexpr std::size_t NJ = NV * kLanes;  // columns (points of y) per tile

std::vector<double> squared_norms(std::span<const double> rows, std::size_t count, std::size_t d) {
  std::vector<double> norms(count);
  for (std::size_t i = 0; i < count; ++i) {
    double sum = 0;
    for (std::size_t k = 0; k < d; ++k) sum += rows[i * d + k] * rows[i * d + k];
    norms[i] = sum;
  }
  return norms;
}

}  // namespace

void pairwise_distances(std::span<const double> x, std::span<const double> y, std::span<double> out, std::size_t n,
                        std::size_t m, std::size_t d) {
  const std::vector<double> x_norms = squared_norms(x, n, d);
  std::vector<double> y_norms = squared_norms(y, m, d);
  const std::size_t m_padded = (m + NJ - 1) / NJ * NJ;
  y_norms.resize(m_padded, 0.0);
  std::vector<double> y_t(d * m_padded, 0.0);  // d x m_padded
  for (std::size_t j = 0; j < m; ++j) {
    for (std::size_t k = 0; k < d; ++k) y_t[k * m_padded + j] = y[j * d + k];
  }

#pragma omp parallel for schedule(static)
  for (std::size_t i0 = 0; i0 < n; i0 += RI) {
    // Rows past the end repeat the last row: computed, never stored, so the tile has no branches.
    std::size_t rows[RI];
    for (std::size_t r = 0; r < RI; ++r) rows[r] = std::min(i0 + r, n - 1);
    for (std::size_t j0 = 0; j0 < m_padded; j0 += NJ) {
      Vec dot[RI][NV] = {};
      for (std::size_t k = 0; k < d; ++k) {
        Vec y_k[NV];
        for (std::size_t v = 0; v < NV; ++v) y_k[v] = simd::load(y_t.data() + k * m_padded + j0 + v * kLanes);
        for (std::size_t r = 0; r < RI; ++r) {
          const double x_rk = x[rows[r] * d + k];
          for (std::size_t v = 0; v < NV; ++v) dot[r][v] += x_rk * y_k[v];
        }
      }
      Vec y_norm[NV];
      for (std::size_t v = 0; v < NV; ++v) y_norm[v] = simd::load(y_norms.data() + j0 + v * kLanes);
      const std::size_t width = std::min(NJ, m - std::min(m, j0));
      for (std::size_t r = 0; r < RI && i0 + r < n; ++r) {
        double tile[NJ];
        for (std::size_t v = 0; v < NV; ++v) {
          simd::store(tile + v * kLanes, x_norms[rows[r]] + y_norm[v] - 2.0 * dot[r][v]);
        }
        // Rounding can push the squared distance of (nearly) equal points slightly below zero.
        double* out_row = out.data() + (i0 + r) * m + j0;
        for (std::size_t j = 0; j < width; ++j) out_row[j] = std::sqrt(std::max(0.0, tile[j]));
      }
    }
  }
}

}  // namespace hpc::lab01
