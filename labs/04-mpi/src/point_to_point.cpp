// Exercise 1 — point-to-point. Graded by test_point_to_point (RingShift.*, PingPong.*), on 2 and
// on 4 ranks. Edit only this file.
#include "hpc/todo.hpp"
#include "lab04/comm.hpp"
#include "lab04/point_to_point.hpp"

namespace hpc::lab04 {

std::vector<double> ring_shift(MPI_Comm comm, const std::vector<double>& mine) {
  // TODO(student): send `mine` to (rank + 1) % size and receive from (rank + size - 1) % size into
  // a vector of the same size, in ONE call: MPI_Sendrecv. (Try MPI_Send then MPI_Recv first and
  // watch the 8 MB test hang: large messages wait for their receiver.)
  hpc::todo("ring_shift");
}

double ping_pong(MPI_Comm comm, std::span<char> message, int round_trips) {
  // TODO(student): rank 0: MPI_Send to 1 then MPI_Recv from 1, round_trips times; rank 1: the
  // mirror image (MPI_Recv then MPI_Send); other ranks return 0 at once. Time the loop with
  // MPI_Wtime and return elapsed / (2 * round_trips) on ranks 0 and 1.
  hpc::todo("ping_pong");
}

}  // namespace hpc::lab04
