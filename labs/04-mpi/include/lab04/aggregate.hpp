// Exercise 5: out-of-core aggregation of a CSV file far larger than one read, each rank reading
// its own byte range of the file in chunks.
#pragma once

#include <mpi.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace hpc::lab04 {

// count, sum, min and max of a set of readings.
struct Stats {
  std::uint64_t count = 0;
  double sum = 0;
  double min = std::numeric_limits<double>::infinity();
  double max = -std::numeric_limits<double>::infinity();

  void add(double value) {
    ++count;
    sum += value;
    min = std::min(min, value);
    max = std::max(max, value);
  }
};

// The aggregates of a readings file: over all rows, and grouped by station (by_station[k] for
// station k, 0 <= k < station_count).
struct Aggregates {
  Stats total;
  std::vector<Stats> by_station;
};

// Given: writes a readings file of `rows` rows, "station,reading\n" after a header line
// "station,reading", stations in [0, station_count), readings with two decimals.
void write_readings_csv(const std::string& path, std::uint64_t rows, int station_count, std::uint64_t seed);

// Given: parses one line without its '\n' ("17,-3.25"); false for anything else (the header).
bool parse_reading(std::string_view line, int& station, double& reading);

// 5. The aggregates of the file at `path`, computed by all ranks together, on rank 0 (other ranks
// return an empty Aggregates). Rank r reads only its byte range block_of(file size, ranks, r),
// `chunk_bytes` at a time (never the whole range at once). A line belongs to the rank whose range
// holds its first byte: a rank skips the partial line its range starts in, and finishes the line
// its range ends in. Rank 0 combines the partial aggregates with MPI_Reduce (sums for counts and
// sums, MPI_MIN/MPI_MAX for the extremes).
Aggregates aggregate_readings(MPI_Comm comm, const std::string& path, int station_count, std::size_t chunk_bytes);

}  // namespace hpc::lab04
