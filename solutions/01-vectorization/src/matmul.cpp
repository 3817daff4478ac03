// Reference solution: a cache-blocked, packed matrix multiply with a register-tiled micro-kernel,
// the structure of GotoBLAS/BLIS written in portable C++ that the compiler vectorizes.
//
//  * Blocking: C is computed in panels so that the working set of the inner loops stays in cache:
//    a kc x nc panel of B (packed, L3/L2), an mc x kc block of A (packed, L2), and an
//    MR x NR tile of C held entirely in registers while the k loop runs.
//  * Packing: A and B are copied into the exact order the micro-kernel reads them, so every load
//    in the hot loop is contiguous and aligned, whatever n is. Edges are zero-padded, so the
//    micro-kernel has no remainder cases.
//  * Micro-kernel: MR x NR accumulators in vector registers; per k it loads one row of the B
//    sliver (NR / kLanes vectors), broadcasts MR values of A and does MR * NR multiply-adds.
//    The tile is written with GCC/Clang vector types: left to itself, GCC's vectorizer shuffles
//    a plain 2D accumulator array through permutes and reaches only a fifth of the speed.
//  * OpenMP splits the rows of C (the ic loop): threads share the packed B panel.
#include <algorithm>
#include <vector>

#include "hpc/simd.hpp"
#include "lab01/matmul.hpp"

namespace hpc::lab01 {
namespace {

using simd::kLanes;
using simd::Vec;

// The register tile: MR x NV accumulator vectors, plus NV vectors of B and one broadcast of A,
// must fit the vector registers, or the compiler spills them to memory inside the hot loop:
// 12 x 2 + 3 = 27 of AVX-512's 32 registers, 6 x 2 + 3 = 15 of AVX2's 16 (8 rows spill on AVX2
// and cost a third of the speed).
constexpr std::size_t MR = kLanes >= 8 ? 12 : 6;  // rows of the register tile
constexpr std::size_t NV = 2;                     // vectors per tile row
constexpr std::size_t NR = NV * kLanes;           // columns of the register tile
constexpr std::size_t KC = 256;                   // depth of a block: an MR x KC sliver of A stays in L1
constexpr std::size_t MC = 120;                   // rows of a packed A block (240 KiB, in L2): a multiple of MR
constexpr std::size_t NC = 2048;                  // columns of a packed B panel

// Copies rows [i0, i0 + mc) x cols [p0, p0 + kc) of A as MR-row slivers, column by column:
// packed[(sliver * kc + p) * MR + r] = A(i0 + sliver * MR + r, p0 + p), zero past the edge.
void pack_a(const double* a, std::size_t n, std::size_t i0, std::size_t mc, std::size_t p0, std::size_t kc,
            double* packed) {
  for (std::size_t s = 0; s < mc; s += MR) {
    for (std::size_t p = 0; p < kc; ++p) {
      for (std::size_t r = 0; r < MR; ++r) {
        *packed++ = (s + r < mc) ? a[(i0 + s + r) * n + p0 + p] : 0.0;
      }
    }
  }
}

// Copies rows [p0, p0 + kc) x cols [j0, j0 + nc) of B as NR-column slivers, row by row.
void pack_b(const double* b, std::size_t n, std::size_t p0, std::size_t kc, std::size_t j0, std::size_t nc,
            double* packed) {
  for (std::size_t s = 0; s < nc; s += NR) {
    const std::size_t width = std::min(NR, nc - s);
    for (std::size_t p = 0; p < kc; ++p) {
      const double* row = b + (p0 + p) * n + j0 + s;
      std::size_t c = 0;
      for (; c < width; ++c) packed[c] = row[c];
      for (; c < NR; ++c) packed[c] = 0.0;
      packed += NR;
    }
  }
}

// C(MR x NR tile) += A sliver * B sliver. `rows`/`cols` clip the store at the matrix edge.
void micro_kernel(std::size_t kc, const double* __restrict a, const double* __restrict b, double* c, std::size_t ldc,
                  std::size_t rows, std::size_t cols) {
  Vec acc[MR][NV] = {};
  for (std::size_t p = 0; p < kc; ++p) {
    Vec b_row[NV];
    for (std::size_t v = 0; v < NV; ++v) b_row[v] = simd::load(b + p * NR + v * kLanes);
    for (std::size_t r = 0; r < MR; ++r) {
      const double a_rp = a[p * MR + r];  // broadcast to every lane by the arithmetic below
      for (std::size_t v = 0; v < NV; ++v) acc[r][v] += a_rp * b_row[v];
    }
  }
  if (rows == MR && cols == NR) {
    for (std::size_t r = 0; r < MR; ++r) {
      for (std::size_t v = 0; v < NV; ++v) {
        double* c_rv = c + r * ldc + v * kLanes;
        simd::store(c_rv, simd::load(c_rv) + acc[r][v]);
      }
    }
  } else {
    for (std::size_t r = 0; r < rows; ++r) {
      for (std::size_t col = 0; col < cols; ++col) c[r * ldc + col] += acc[r][col / kLanes][col % kLanes];
    }
  }
}

}  // namespace

void matmul(std::span<const double> a, std::span<const double> b, std::span<double> c, std::size_t n) {
  std::fill(c.begin(), c.begin() + static_cast<std::ptrdiff_t>(n * n), 0.0);
  std::vector<double> packed_b(KC * ((NC + NR - 1) / NR * NR));
  for (std::size_t j0 = 0; j0 < n; j0 += NC) {
    const std::size_t nc = std::min(NC, n - j0);
    for (std::size_t p0 = 0; p0 < n; p0 += KC) {
      const std::size_t kc = std::min(KC, n - p0);
      pack_b(b.data(), n, p0, kc, j0, nc, packed_b.data());
#pragma omp parallel
      {
        std::vector<double> packed_a(MC * KC);
#pragma omp for schedule(static)
        for (std::size_t i0 = 0; i0 < n; i0 += MC) {
          const std::size_t mc = std::min(MC, n - i0);
          pack_a(a.data(), n, i0, mc, p0, kc, packed_a.data());
          for (std::size_t jr = 0; jr < nc; jr += NR) {
            for (std::size_t ir = 0; ir < mc; ir += MR) {
              micro_kernel(kc, packed_a.data() + ir * kc, packed_b.data() + jr * kc, c.data() + (i0 + ir) * n + j0 + jr,
                           n, std::min(MR, mc - ir), std::min(NR, nc - jr));
            }
          }
        }
      }
    }
  }
}

}  // namespace hpc::lab01
