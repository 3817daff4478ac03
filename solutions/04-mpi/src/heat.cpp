// Exercise 4 — reference solution.
#include "lab04/heat.hpp"

#include <algorithm>
#include <utility>

#include "lab04/comm.hpp"

namespace hpc::lab04 {

std::vector<double> heat_diffusion(MPI_Comm comm, std::vector<double> local, double alpha, int steps) {
  const int rank = rank_of(comm), size = size_of(comm);
  const std::size_t m = local.size();
  // MPI_PROC_NULL at the rod's ends: sends to it and receives from it complete at once and do
  // nothing, so the end ranks need no special case in the exchange.
  const int left = rank > 0 ? rank - 1 : MPI_PROC_NULL;
  const int right = rank + 1 < size ? rank + 1 : MPI_PROC_NULL;

  // u[0] and u[m + 1] are the halo cells: copies of the neighbours' edge cells.
  std::vector<double> u(m + 2), next(m + 2);
  std::copy(local.begin(), local.end(), u.begin() + 1);

  for (int step = 0; step < steps; ++step) {
    MPI_Request requests[4];
    MPI_Irecv(&u[0], 1, MPI_DOUBLE, left, 0, comm, &requests[0]);
    MPI_Irecv(&u[m + 1], 1, MPI_DOUBLE, right, 1, comm, &requests[1]);
    MPI_Isend(&u[1], 1, MPI_DOUBLE, left, 1, comm, &requests[2]);
    MPI_Isend(&u[m], 1, MPI_DOUBLE, right, 0, comm, &requests[3]);

    // Cells 2 .. m-1 need no halo: they are updated while the four messages travel.
    for (std::size_t i = 2; i < m; ++i) next[i] = heat_update(u[i - 1], u[i], u[i + 1], alpha);
    MPI_Waitall(4, requests, MPI_STATUSES_IGNORE);
    // The block's edge cells need the halos (for a one-cell block u[2] is the right halo).
    next[1] = heat_update(u[0], u[1], u[2], alpha);
    if (m > 1) next[m] = heat_update(u[m - 1], u[m], u[m + 1], alpha);
    // The rod's ends stay fixed.
    if (rank == 0) next[1] = u[1];
    if (rank == size - 1) next[m] = u[m];
    std::swap(u, next);
  }
  return {u.begin() + 1, u.begin() + 1 + static_cast<std::ptrdiff_t>(m)};
}

}  // namespace hpc::lab04
