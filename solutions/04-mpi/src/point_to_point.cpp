// Exercise 1 — reference solution.
#include "lab04/point_to_point.hpp"

#include <stdexcept>

#include "lab04/comm.hpp"

namespace hpc::lab04 {

std::vector<double> ring_shift(MPI_Comm comm, const std::vector<double>& mine) {
  const int rank = rank_of(comm), size = size_of(comm);
  std::vector<double> received(mine.size());
  // MPI_Sendrecv posts both halves at once: no rank waits for its send to be received before it
  // receives, which is how a ring of blocking MPI_Send calls deadlocks once messages are large.
  MPI_Sendrecv(mine.data(), static_cast<int>(mine.size()), MPI_DOUBLE, (rank + 1) % size, 0, received.data(),
               static_cast<int>(received.size()), MPI_DOUBLE, (rank + size - 1) % size, 0, comm, MPI_STATUS_IGNORE);
  return received;
}

double ping_pong(MPI_Comm comm, std::span<char> message, int round_trips) {
  if (size_of(comm) < 2) throw std::invalid_argument("ping_pong needs at least 2 ranks");
  const int rank = rank_of(comm);
  if (rank > 1 || round_trips <= 0) return 0.0;
  const int count = static_cast<int>(message.size());
  const double start = MPI_Wtime();
  for (int trip = 0; trip < round_trips; ++trip) {
    if (rank == 0) {
      MPI_Send(message.data(), count, MPI_CHAR, 1, 0, comm);
      MPI_Recv(message.data(), count, MPI_CHAR, 1, 0, comm, MPI_STATUS_IGNORE);
    } else {
      MPI_Recv(message.data(), count, MPI_CHAR, 0, 0, comm, MPI_STATUS_IGNORE);
      MPI_Send(message.data(), count, MPI_CHAR, 0, 0, comm);
    }
  }
  return (MPI_Wtime() - start) / (2.0 * round_trips);
}

}  // namespace hpc::lab04
