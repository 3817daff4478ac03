#include "baseline.hpp"

#include <fstream>
#include <stdexcept>
#include <utility>

#include "lab04/heat.hpp"
#include "lab04/monte_carlo.hpp"

namespace hpc::lab04::baseline {

double serial_pi(std::uint64_t samples, std::uint64_t seed) {
  std::uint64_t hits = 0;
  for (std::uint64_t chunk = 0; chunk < chunk_count(samples); ++chunk) hits += chunk_hits(samples, seed, chunk);
  return 4.0 * static_cast<double>(hits) / static_cast<double>(samples);
}

std::vector<double> heat_diffusion(std::vector<double> rod, double alpha, int steps) {
  std::vector<double> next = rod;
  for (int step = 0; step < steps; ++step) {
    for (std::size_t i = 1; i + 1 < rod.size(); ++i) next[i] = heat_update(rod[i - 1], rod[i], rod[i + 1], alpha);
    std::swap(rod, next);
  }
  return rod;
}

Aggregates aggregate_readings(const std::string& path, int station_count) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  Aggregates result;
  result.by_station.resize(static_cast<std::size_t>(station_count));
  std::string line;
  int station = 0;
  double reading = 0;
  while (std::getline(in, line)) {
    if (parse_reading(line, station, reading) && station >= 0 && station < station_count) {
      result.total.add(reading);
      result.by_station[static_cast<std::size_t>(station)].add(reading);
    }
  }
  return result;
}

LinearModel train_sgd(const Dataset& data, const SgdOptions& options) {
  const std::size_t d = data.features;
  LinearModel model{std::vector<double>(d, 0.0), 0.0};
  std::vector<double> gradient(d + 1);
  std::size_t cursor = 0;
  const std::uint64_t steps = data.rows() / options.batch_size;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (std::uint64_t step = 0; step < steps; ++step) {
      std::fill(gradient.begin(), gradient.end(), 0.0);
      for (std::size_t k = 0; k < options.batch_size; ++k, cursor = (cursor + 1) % data.rows()) {
        const double* x = &data.x[cursor * d];
        double error = model.bias - data.y[cursor];
        for (std::size_t j = 0; j < d; ++j) error += model.weights[j] * x[j];
        for (std::size_t j = 0; j < d; ++j) gradient[j] += error * x[j];
        gradient[d] += error;
      }
      const double scale = options.learning_rate * 2.0 / static_cast<double>(options.batch_size);
      for (std::size_t j = 0; j < d; ++j) model.weights[j] -= scale * gradient[j];
      model.bias -= scale * gradient[d];
    }
  }
  return model;
}

}  // namespace hpc::lab04::baseline
