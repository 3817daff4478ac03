#include "lab03/ridge.hpp"

#include <cmath>
#include <stdexcept>
#include <vector>

#include "hpc/rng.hpp"

namespace hpc::lab03::ridge {
namespace {

struct Dataset {
  std::vector<double> x;  // kRows x kFeatures, row-major
  std::vector<double> y;
};

// Built on first use, identically in every process (fixed seed).
const Dataset& dataset() {
  static const Dataset data = [] {
    Rng rng = Rng::stream(2026, 3);
    Dataset d;
    d.x.resize(kRows * kFeatures);
    d.y.resize(kRows);
    std::vector<double> w(kFeatures);
    for (int j = 0; j < kFeatures; ++j) w[j] = (j % 3 == 0) ? 0.0 : rng.uniform() * 2 - 1;  // some useless features
    for (int r = 0; r < kRows; ++r) {
      double dot = 0;
      for (int j = 0; j < kFeatures; ++j) {
        d.x[r * kFeatures + j] = rng.uniform() * 2 - 1;
        dot += d.x[r * kFeatures + j] * w[j];
      }
      d.y[r] = dot + 0.5 * (rng.uniform() - 0.5);
    }
    return d;
  }();
  return data;
}

// Solves the symmetric positive definite system a w = b in place (Cholesky).
std::vector<double> solve_spd(std::vector<double> a, std::vector<double> b) {
  const int n = static_cast<int>(b.size());
  for (int j = 0; j < n; ++j) {
    double diagonal = a[j * n + j];
    for (int k = 0; k < j; ++k) diagonal -= a[j * n + k] * a[j * n + k];
    if (diagonal <= 0) throw std::runtime_error("ridge system not positive definite");
    a[j * n + j] = std::sqrt(diagonal);
    for (int i = j + 1; i < n; ++i) {
      double v = a[i * n + j];
      for (int k = 0; k < j; ++k) v -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = v / a[j * n + j];
    }
  }
  for (int i = 0; i < n; ++i) {  // L z = b
    for (int k = 0; k < i; ++k) b[i] -= a[i * n + k] * b[k];
    b[i] /= a[i * n + i];
  }
  for (int i = n - 1; i >= 0; --i) {  // L^T w = z
    for (int k = i + 1; k < n; ++k) b[i] -= a[k * n + i] * b[k];
    b[i] /= a[i * n + i];
  }
  return b;
}

}  // namespace

double fold_error(double lambda, int fold) {
  if (fold < 0 || fold >= kFolds) throw std::invalid_argument("fold out of range");
  if (lambda < 0) throw std::invalid_argument("negative ridge penalty");
  const Dataset& d = dataset();
  std::vector<double> gram(kFeatures * kFeatures, 0.0), rhs(kFeatures, 0.0);
  for (int r = 0; r < kRows; ++r) {
    if (r % kFolds == fold) continue;
    const double* row = &d.x[r * kFeatures];
    for (int i = 0; i < kFeatures; ++i) {
      rhs[i] += row[i] * d.y[r];
      for (int j = 0; j < kFeatures; ++j) gram[i * kFeatures + j] += row[i] * row[j];
    }
  }
  for (int i = 0; i < kFeatures; ++i) gram[i * kFeatures + i] += lambda;
  const std::vector<double> w = solve_spd(gram, rhs);
  double error = 0;
  int count = 0;
  for (int r = fold; r < kRows; r += kFolds) {
    double prediction = 0;
    for (int j = 0; j < kFeatures; ++j) prediction += d.x[r * kFeatures + j] * w[j];
    error += (prediction - d.y[r]) * (prediction - d.y[r]);
    ++count;
  }
  return error / count;
}

}  // namespace hpc::lab03::ridge
