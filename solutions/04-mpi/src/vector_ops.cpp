// Exercise 3 — reference solution.
#include "lab04/vector_ops.hpp"

#include <cmath>
#include <stdexcept>

#include "lab04/comm.hpp"

namespace hpc::lab04 {
namespace {

// Counts and displacements of every rank's block, as MPI's v-collectives want them.
struct Layout {
  std::vector<int> counts, displacements;
};

Layout layout_of(std::uint64_t n, int size) {
  Layout layout;
  for (int r = 0; r < size; ++r) {
    const Block block = block_of(n, size, r);
    layout.counts.push_back(static_cast<int>(block.size()));
    layout.displacements.push_back(static_cast<int>(block.begin));
  }
  return layout;
}

}  // namespace

std::vector<double> scatter_blocks(MPI_Comm comm, const std::vector<double>& full, std::uint64_t n) {
  const int rank = rank_of(comm), size = size_of(comm);
  if (rank == 0 && full.size() != n) throw std::invalid_argument("scatter_blocks: rank 0 must hold all n values");
  const Layout layout = layout_of(n, size);
  std::vector<double> local(block_of(n, size, rank).size());
  MPI_Scatterv(full.data(), layout.counts.data(), layout.displacements.data(), MPI_DOUBLE, local.data(),
               static_cast<int>(local.size()), MPI_DOUBLE, 0, comm);
  return local;
}

std::vector<double> gather_blocks(MPI_Comm comm, const std::vector<double>& local, std::uint64_t n) {
  const int rank = rank_of(comm), size = size_of(comm);
  const Layout layout = layout_of(n, size);
  std::vector<double> full(rank == 0 ? n : 0);
  MPI_Gatherv(local.data(), static_cast<int>(local.size()), MPI_DOUBLE, full.data(), layout.counts.data(),
              layout.displacements.data(), MPI_DOUBLE, 0, comm);
  return full;
}

double distributed_dot(MPI_Comm comm, const std::vector<double>& x_local, const std::vector<double>& y_local) {
  if (x_local.size() != y_local.size()) throw std::invalid_argument("distributed_dot: blocks differ in size");
  double partial = 0;
  for (std::size_t i = 0; i < x_local.size(); ++i) partial += x_local[i] * y_local[i];
  double total = 0;
  MPI_Allreduce(&partial, &total, 1, MPI_DOUBLE, MPI_SUM, comm);
  return total;
}

double distributed_norm(MPI_Comm comm, const std::vector<double>& x_local) {
  return std::sqrt(distributed_dot(comm, x_local, x_local));
}

}  // namespace hpc::lab04
