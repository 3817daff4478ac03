// Exercise 6 — reference solution.
#include "lab04/sgd.hpp"

#include <algorithm>
#include <stdexcept>

#include "lab04/comm.hpp"

namespace hpc::lab04 {

LinearModel train_sgd(MPI_Comm comm, const Dataset& shard, std::uint64_t total_rows, const SgdOptions& options) {
  if (shard.rows() == 0 || options.batch_size == 0) throw std::invalid_argument("train_sgd: empty shard or batch");
  const std::size_t d = shard.features;
  const std::size_t my_rows = block_of(options.batch_size, size_of(comm), rank_of(comm)).size();
  const std::uint64_t steps = total_rows / options.batch_size;
  LinearModel model{std::vector<double>(d, 0.0), 0.0};
  // The gradient sums of the weights and, last, of the bias: one buffer, so one MPI_Allreduce
  // per step (latency, not bandwidth, is the cost of a small message).
  std::vector<double> gradient(d + 1);
  std::size_t cursor = 0;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (std::uint64_t step = 0; step < steps; ++step) {
      std::fill(gradient.begin(), gradient.end(), 0.0);
      for (std::size_t k = 0; k < my_rows; ++k, cursor = (cursor + 1) % shard.rows()) {
        const double* x = &shard.x[cursor * d];
        double error = model.bias - shard.y[cursor];
        for (std::size_t j = 0; j < d; ++j) error += model.weights[j] * x[j];
        for (std::size_t j = 0; j < d; ++j) gradient[j] += error * x[j];
        gradient[d] += error;
      }
      MPI_Allreduce(MPI_IN_PLACE, gradient.data(), static_cast<int>(d + 1), MPI_DOUBLE, MPI_SUM, comm);
      // Every rank applies the same sums, so every rank holds the same model.
      const double scale = options.learning_rate * 2.0 / static_cast<double>(options.batch_size);
      for (std::size_t j = 0; j < d; ++j) model.weights[j] -= scale * gradient[j];
      model.bias -= scale * gradient[d];
    }
  }
  return model;
}

}  // namespace hpc::lab04
