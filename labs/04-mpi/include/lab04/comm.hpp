// Small conveniences over an MPI communicator (given).
#pragma once

#include <mpi.h>

#include <cstdint>

namespace hpc::lab04 {

inline int rank_of(MPI_Comm comm) {
  int rank = 0;
  MPI_Comm_rank(comm, &rank);
  return rank;
}

inline int size_of(MPI_Comm comm) {
  int size = 1;
  MPI_Comm_size(comm, &size);
  return size;
}

// The contiguous share of `n` items that part `index` of `parts` owns: sizes differ by at most one,
// the first n % parts parts get the extra item. Vectors, rods and byte ranges are all split so.
struct Block {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  std::uint64_t size() const { return end - begin; }
};

inline Block block_of(std::uint64_t n, int parts, int index) {
  const auto p = static_cast<std::uint64_t>(parts), i = static_cast<std::uint64_t>(index);
  const std::uint64_t base = n / p, extra = n % p;
  const std::uint64_t begin = i * base + (i < extra ? i : extra);
  return {begin, begin + base + (i < extra ? 1 : 0)};
}

}  // namespace hpc::lab04
