// Exercise 3 — reductions. Graded by test_reduction (also under compute-sanitizer memcheck,
// racecheck and synccheck) and perf_reduction (fraction of the device's peak memory bandwidth), on
// a GPU. Edit only this file.
#include "hpc/todo.hpp"
#include "lab05/cuda_check.hpp"
#include "lab05/device.hpp"
#include "lab05/reduction.hpp"

namespace hpc::lab05 {

float sum_shared_memory(const float* x, std::size_t n) {
  // TODO(student): a kernel with 256 threads per block: each thread sums a grid-stride slice into
  // a register and stores it in a __shared__ float[256]; then for half = 128, 64, ..., 1 the
  // threads below `half` add the element `half` above (with __syncthreads() between rounds);
  // thread 0 writes the block's sum to partial[blockIdx.x]. Launch it on x (a few blocks per
  // multiprocessor), then once more with one block on the partial sums, and copy the result back.
  // n == 0 sums to 0 (x may then be null).
  hpc::todo("sum_shared_memory");
}

float sum_warp_shuffle(const float* x, std::size_t n) {
  // TODO(student): as above, but sum each warp with __shfl_down_sync (offsets 16, 8, 4, 2, 1),
  // keep only one value per warp in shared memory, and read x as float4 when it is 16-byte aligned
  // (the last n % 4 elements one by one). Measure: perf_reduction wants >= 60% of peak bandwidth.
  hpc::todo("sum_warp_shuffle");
}

}  // namespace hpc::lab05
