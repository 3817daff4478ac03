// Exercise 3 — a distributed vector. Graded by test_collectives (VectorOps.*). Edit only this file.
#include "hpc/todo.hpp"
#include "lab04/comm.hpp"
#include "lab04/vector_ops.hpp"

namespace hpc::lab04 {

std::vector<double> scatter_blocks(MPI_Comm comm, const std::vector<double>& full, std::uint64_t n) {
  // TODO(student): counts[r] and displacements[r] of every rank's block_of(n, size, r), then
  // MPI_Scatterv from rank 0 into a vector of this rank's block size.
  hpc::todo("scatter_blocks");
}

std::vector<double> gather_blocks(MPI_Comm comm, const std::vector<double>& local, std::uint64_t n) {
  // TODO(student): the same counts and displacements, MPI_Gatherv into n values on rank 0 (an
  // empty vector on the other ranks).
  hpc::todo("gather_blocks");
}

double distributed_dot(MPI_Comm comm, const std::vector<double>& x_local, const std::vector<double>& y_local) {
  // TODO(student): this rank's partial sum, then MPI_Allreduce with MPI_SUM.
  hpc::todo("distributed_dot");
}

double distributed_norm(MPI_Comm comm, const std::vector<double>& x_local) {
  // TODO(student): sqrt of the distributed dot product of x with itself.
  hpc::todo("distributed_norm");
}

}  // namespace hpc::lab04
