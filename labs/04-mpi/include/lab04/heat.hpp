// Exercise 4: the 1D heat equation, explicit (Jacobi) steps, on a rod distributed in blocks, with
// halo exchange by non-blocking messages.
#pragma once

#include <mpi.h>

#include <vector>

namespace hpc::lab04 {

// One cell's new temperature from itself and its two neighbours. The serial and the distributed
// solvers both use exactly this expression, so their results are identical to the last bit.
inline double heat_update(double left, double centre, double right, double alpha) {
  return centre + alpha * (left - 2.0 * centre + right);
}

// 4. `steps` steps of u'[i] = heat_update(u[i-1], u[i], u[i+1], alpha) for every cell of the rod
// except its two ends (global cells 0 and n-1 stay fixed). `local` is this rank's block of the
// rod (block_of(n, ranks, rank), at least one cell); returns that block after the steps.
// Each step needs one cell from each neighbouring rank (its halo): post MPI_Irecv/MPI_Isend for
// them, update the cells that do not need them while the messages travel, then MPI_Waitall and
// update the block's edge cells.
std::vector<double> heat_diffusion(MPI_Comm comm, std::vector<double> local, double alpha, int steps);

}  // namespace hpc::lab04
