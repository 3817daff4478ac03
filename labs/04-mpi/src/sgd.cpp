// Exercise 6 — data-parallel SGD. Graded by test_sgd (the serial loss, the same model on every
// rank, exactly the serial algorithm on one rank) and perf_sgd (parallel efficiency). Edit only
// this file.
#include "hpc/todo.hpp"
#include "lab04/comm.hpp"
#include "lab04/sgd.hpp"

namespace hpc::lab04 {

LinearModel train_sgd(MPI_Comm comm, const Dataset& shard, std::uint64_t total_rows, const SgdOptions& options) {
  // TODO(student): weights and bias start at 0. For epochs * (total_rows / batch_size) steps:
  // gradient sums over your next block_of(batch_size, size, rank).size() shard rows (a cursor that
  // wraps round): error = bias + w.x - y; g[j] += error * x[j]; g[features] += error. One
  // MPI_Allreduce (MPI_IN_PLACE, MPI_SUM) of all features + 1 sums, then on every rank
  // w[j] -= learning_rate * 2 / batch_size * g[j] (and the bias with g[features]).
  hpc::todo("train_sgd");
}

}  // namespace hpc::lab04
