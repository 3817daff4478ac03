// Serial versions of the lab's computations: what the distributed results must equal, and what the
// perf tests time on one rank.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lab04/aggregate.hpp"
#include "lab04/sgd.hpp"

namespace hpc::lab04::baseline {

double serial_pi(std::uint64_t samples, std::uint64_t seed);

// The whole rod, both end cells fixed.
std::vector<double> heat_diffusion(std::vector<double> rod, double alpha, int steps);

// Reads the file line by line from start to end.
Aggregates aggregate_readings(const std::string& path, int station_count);

// Mini-batch SGD on all rows: step s uses the next batch_size rows in order, wrapping round.
LinearModel train_sgd(const Dataset& data, const SgdOptions& options);

}  // namespace hpc::lab04::baseline
