// Exercise 2 — Monte Carlo pi. Graded by test_collectives (MonteCarlo.*) and perf_monte_carlo
// (parallel efficiency over the serial loop). Edit only this file.
#include "hpc/todo.hpp"
#include "lab04/comm.hpp"
#include "lab04/monte_carlo.hpp"

namespace hpc::lab04 {

double distributed_pi(MPI_Comm comm, std::uint64_t samples, std::uint64_t seed) {
  // TODO(student): add chunk_hits(samples, seed, c) over this rank's chunks c (deal the
  // chunk_count(samples) chunks round-robin: c = rank, rank + size, ...), MPI_Reduce the counts
  // (MPI_UINT64_T, MPI_SUM) to rank 0, and return 4.0 * total / samples there, 0 elsewhere.
  hpc::todo("distributed_pi");
}

}  // namespace hpc::lab04
