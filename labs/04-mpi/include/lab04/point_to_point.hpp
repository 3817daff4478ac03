// Exercise 1: point-to-point messages (MPI_Send/MPI_Recv and friends).
#pragma once

#include <mpi.h>

#include <span>
#include <vector>

namespace hpc::lab04 {

// 1a. Every rank sends `mine` to the next rank (rank + 1, the last to rank 0) and returns what it
// received from the previous one. Every rank passes the same number of values. Must not deadlock
// for any message size (a large message is not buffered: two ranks that both MPI_Send first wait
// for each other forever).
std::vector<double> ring_shift(MPI_Comm comm, const std::vector<double>& mine);

// 1b. Ping-pong between ranks 0 and 1: rank 0 sends `message` to rank 1, which sends it straight
// back into rank 0's `message`, `round_trips` times. Returns the mean one-way time in seconds
// (MPI_Wtime, round trips / 2) on ranks 0 and 1; other ranks take no part and return 0.
// After the call rank 1's `message` holds what rank 0 sent. Needs at least 2 ranks.
double ping_pong(MPI_Comm comm, std::span<char> message, int round_trips);

}  // namespace hpc::lab04
