// Speedup measurements of MPI code, taken collectively: every rank calls these functions together.
//
// The candidate runs on every rank of `comm`; the baseline (a serial program) runs on rank 0 alone
// while the other ranks wait without spinning. Each timed sample starts and ends at a barrier, so
// it measures the slowest rank, and rank 0's clock is broadcast: every rank computes the same
// repetition counts and the same ratios, and so takes the same decisions (a rank that decided
// differently would wait forever in a collective the others never enter).
//
//   hpc::expect_speedup_at_least(hpc::lab04::targets::heat_efficiency, [&] {
//     return hpc::mpi::measure(MPI_COMM_WORLD, serial_heat, distributed_heat);
//   });
#pragma once

#include <mpi.h>

#include <functional>

#include "hpc/perf_test.hpp"
#include "hpc/timing.hpp"

namespace hpc::mpi {

// A barrier that sleeps between polls instead of spinning (Open MPI's MPI_Barrier busy-waits):
// ranks that wait for rank 0's serial baseline must not take a core from it.
void polite_barrier(MPI_Comm comm);

// Interleaved comparison (see hpc/timing.hpp) of `distributed` on all ranks against `serial` on
// rank 0. Collective; the result is identical on every rank.
Comparison compare_interleaved(MPI_Comm comm, const std::function<void()>& serial,
                               const std::function<void()>& distributed, const TimingOptions& options = {});

// The parallelism the ranks of `comm` really get right now: each rank runs the calibration loop of
// hpc::measured_parallelism() while all others do too, compared with rank 0 running it alone.
// About 2 for 2 ranks on an idle 2-core machine, about 1.3 with another process hogging a core.
// Collective; identical on every rank.
double measured_parallelism(MPI_Comm comm);

// compare_interleaved plus measured_parallelism, as a Measurement for expect_speedup_at_least:
// threads = the ranks of `comm`.
Measurement measure(MPI_Comm comm, const std::function<void()>& serial, const std::function<void()>& distributed,
                    const TimingOptions& options = {});

}  // namespace hpc::mpi
