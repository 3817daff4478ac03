// Given code: the synthetic regression dataset of exercise 6 and its squared error.
#include <stdexcept>

#include "hpc/rng.hpp"
#include "lab04/sgd.hpp"

namespace hpc::lab04 {
namespace {

double uniform_in(Rng& rng, double lo, double hi) { return lo + (hi - lo) * rng.uniform(); }

}  // namespace

Dataset make_regression_rows(std::size_t features, std::uint64_t seed, std::uint64_t begin, std::uint64_t end) {
  if (features == 0 || end < begin) throw std::invalid_argument("make_regression_rows: bad shape");
  // The true model: the same for every row, drawn from a stream no row uses.
  Rng truth = Rng::stream(seed, ~std::uint64_t{0});
  std::vector<double> w(features);
  for (double& weight : w) weight = uniform_in(truth, -1.0, 1.0);
  const double b = uniform_in(truth, -1.0, 1.0);

  Dataset data;
  data.features = features;
  data.x.resize((end - begin) * features);
  data.y.resize(end - begin);
  for (std::uint64_t row = begin; row < end; ++row) {
    Rng rng = Rng::stream(seed, row);
    double* x = &data.x[(row - begin) * features];
    double y = b;
    for (std::size_t j = 0; j < features; ++j) {
      x[j] = uniform_in(rng, -1.0, 1.0);
      y += w[j] * x[j];
    }
    data.y[row - begin] = y + uniform_in(rng, -0.1, 0.1);
  }
  return data;
}

double squared_error_sum(const Dataset& data, const LinearModel& model) {
  if (model.weights.size() != data.features) throw std::invalid_argument("squared_error_sum: model/data mismatch");
  double sum = 0;
  for (std::size_t i = 0; i < data.rows(); ++i) {
    double prediction = model.bias;
    for (std::size_t j = 0; j < data.features; ++j) prediction += model.weights[j] * data.x[i * data.features + j];
    const double error = prediction - data.y[i];
    sum += error * error;
  }
  return sum;
}

}  // namespace hpc::lab04
