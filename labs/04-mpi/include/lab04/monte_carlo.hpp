// Exercise 2: Monte Carlo pi, shared among the ranks, combined with MPI_Reduce.
#pragma once

#include <mpi.h>

#include <cstdint>

namespace hpc::lab04 {

// The samples are drawn in chunks: chunk c holds kChunkSamples points (the last one the rest) from
// the random stream Rng::stream(seed, c). Which rank draws a chunk does not change its points, so
// the estimate depends on (samples, seed) only, never on the number of ranks.
inline constexpr std::uint64_t kChunkSamples = 1 << 16;

inline std::uint64_t chunk_count(std::uint64_t samples) { return (samples + kChunkSamples - 1) / kChunkSamples; }

// Given: the points of chunk `chunk` that fall inside the quarter circle.
std::uint64_t chunk_hits(std::uint64_t samples, std::uint64_t seed, std::uint64_t chunk);

// 2. 4 * hits / samples, each rank counting the hits of its share of the chunks, the counts summed
// on rank 0 with MPI_Reduce. Returns the estimate on rank 0; other ranks return 0.
double distributed_pi(MPI_Comm comm, std::uint64_t samples, std::uint64_t seed);

}  // namespace hpc::lab04
