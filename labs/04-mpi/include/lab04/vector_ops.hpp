// Exercise 3: a vector distributed in blocks (block_of(n, ranks, rank)): scatter, gather, and
// reductions that every rank needs the answer of.
#pragma once

#include <mpi.h>

#include <cstdint>
#include <vector>

namespace hpc::lab04 {

// 3a. Rank 0 holds the whole vector `full` (n values; other ranks' `full` is ignored, possibly
// empty); every rank returns its block. MPI_Scatterv: the blocks may differ in size.
std::vector<double> scatter_blocks(MPI_Comm comm, const std::vector<double>& full, std::uint64_t n);

// 3b. The inverse: rank 0 returns the whole vector, the other ranks an empty one (MPI_Gatherv).
std::vector<double> gather_blocks(MPI_Comm comm, const std::vector<double>& local, std::uint64_t n);

// 3c. x . y and |x| of distributed vectors (each rank passes its blocks): the answer on every
// rank (MPI_Allreduce).
double distributed_dot(MPI_Comm comm, const std::vector<double>& x_local, const std::vector<double>& y_local);
double distributed_norm(MPI_Comm comm, const std::vector<double>& x_local);

}  // namespace hpc::lab04
