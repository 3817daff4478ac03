// Exercise 2: C = A B for n x n row-major float matrices in device memory (any n >= 1).
#pragma once

namespace hpc::lab05 {

// 2a. One thread per element of C, reading its row of A and column of B from global memory.
void matmul_naive(const float* a, const float* b, float* c, int n);

// 2b. Tiled: each block computes a tile of C, staging tiles of A and B through shared memory
// with coalesced loads (consecutive threads read consecutive addresses), each thread computing
// several elements of C from registers. Target: >= 5x the naive kernel, >= 30% of cuBLAS.
void matmul_tiled(const float* a, const float* b, float* c, int n);

}  // namespace hpc::lab05
