// Exercise 2 — matrix multiply. Graded by test_matmul (also under compute-sanitizer memcheck and
// racecheck) and perf_matmul (tiled over naive, fraction of cuBLAS, GPU over one CPU core), on a
// GPU. Edit only this file.
#include "hpc/todo.hpp"
#include "lab05/cuda_check.hpp"
#include "lab05/matmul.hpp"

namespace hpc::lab05 {

void matmul_naive(const float* a, const float* b, float* c, int n) {
  // TODO(student): a kernel where thread (x, y) of 16 x 16 blocks computes C[row = y][col = x] as
  // the sum over k of A[row][k] * B[k][col] (skip threads outside the matrix); a grid of
  // ceil(n / 16) x ceil(n / 16) blocks; check the launch and synchronise.
  hpc::todo("matmul_naive");
}

void matmul_tiled(const float* a, const float* b, float* c, int n) {
  // TODO(student): start with 32 x 32 tiles: each block loads a tile of A and one of B into
  // __shared__ arrays (thread (x, y) loads one element of each, 0 outside the matrix),
  // __syncthreads(), accumulates the tile's 32 products, __syncthreads(), next tile. Then make
  // each thread compute several elements of C (e.g. 8 x 8 of a 128 x 128 block tile) from
  // registers: that is what gets you to 30% of cuBLAS.
  hpc::todo("matmul_tiled");
}

}  // namespace hpc::lab05
