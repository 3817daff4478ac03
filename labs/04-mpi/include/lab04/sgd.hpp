// Exercise 6: data-parallel training of a linear model, the way distributed deep learning trains
// (every rank a shard of the data, gradients averaged with MPI_Allreduce).
#pragma once

#include <mpi.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace hpc::lab04 {

// Rows of a regression dataset: x (features values per row, row-major) and y.
struct Dataset {
  std::size_t features = 0;
  std::vector<double> x;
  std::vector<double> y;
  std::size_t rows() const { return y.size(); }
};

// Given: rows [begin, end) of a synthetic dataset of y = w.x + b + noise (row i is drawn from
// Rng::stream(seed, i), so any rank can make its own shard without reading the others').
Dataset make_regression_rows(std::size_t features, std::uint64_t seed, std::uint64_t begin, std::uint64_t end);

struct LinearModel {
  std::vector<double> weights;
  double bias = 0;
};

// Given: the sum over the rows of (prediction - y)^2.
double squared_error_sum(const Dataset& data, const LinearModel& model);

struct SgdOptions {
  int epochs = 5;
  std::size_t batch_size = 1024;  // rows per step, over all ranks together
  double learning_rate = 0.05;
};

// 6. Mini-batch SGD on the mean squared error, starting from zero weights and bias. `shard` is this
// rank's rows (block_of(total_rows, ranks, rank)). Each step, rank r takes its next
// block_of(batch_size, ranks, r).size() rows of its shard (in order, wrapping round), computes the
// gradient sums of the squared error over them, MPI_Allreduce adds them over the ranks, and every
// rank applies the same update: w -= learning_rate * (2 / batch_size) * sum. An epoch is
// total_rows / batch_size steps. Every rank returns the trained model (the same on all).
LinearModel train_sgd(MPI_Comm comm, const Dataset& shard, std::uint64_t total_rows, const SgdOptions& options);

}  // namespace hpc::lab04
