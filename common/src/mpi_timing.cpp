#include "hpc/mpi_timing.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <thread>
#include <vector>

#include "hpc/busy.hpp"
#include "hpc/machine.hpp"

namespace hpc::mpi {
namespace {

int rank_of(MPI_Comm comm) {
  int rank = 0;
  MPI_Comm_rank(comm, &rank);
  return rank;
}

int size_of(MPI_Comm comm) {
  int size = 1;
  MPI_Comm_size(comm, &size);
  return size;
}

double broadcast_from_root(MPI_Comm comm, double value) {
  MPI_Bcast(&value, 1, MPI_DOUBLE, 0, comm);
  return value;
}

// Seconds per call of `fn` (run on every rank, or on rank 0 only), from barrier to barrier, on rank
// 0's clock, the same on every rank.
double time_collective(MPI_Comm comm, const std::function<void()>& fn, bool root_only, int repetitions) {
  // Polite barriers: a rank waiting for the others must not take a core from them (it costs up to
  // 0.1 ms per sample, against samples of 20 ms or more).
  const bool runs = !root_only || rank_of(comm) == 0;
  polite_barrier(comm);
  const double start = MPI_Wtime();
  for (int i = 0; i < repetitions && runs; ++i) fn();
  polite_barrier(comm);
  return broadcast_from_root(comm, (MPI_Wtime() - start) / repetitions);
}

}  // namespace

void polite_barrier(MPI_Comm comm) {
  MPI_Request request;
  MPI_Ibarrier(comm, &request);
  int done = 0;
  while (MPI_Test(&request, &done, MPI_STATUS_IGNORE) == MPI_SUCCESS && !done) {
    std::this_thread::sleep_for(std::chrono::microseconds(100));
  }
}

Comparison compare_interleaved(MPI_Comm comm, const std::function<void()>& serial,
                               const std::function<void()>& distributed, const TimingOptions& options) {
  // Every sample is rank 0's time, broadcast: all ranks see the same numbers, so all choose the
  // same repetition counts and take part in the same collective samples.
  return compare_interleaved_samples(
      [&](Side side, int repetitions) {
        return side == Side::baseline ? time_collective(comm, serial, true, repetitions)
                                      : time_collective(comm, distributed, false, repetitions);
      },
      options);
}

double measured_parallelism(MPI_Comm comm) {
  const int ranks = size_of(comm);
  if (ranks == 1) return 1.0;
  volatile std::uint64_t sink = 0;
  // Calibrate on rank 0 to about 10 ms, as hpc::measured_parallelism does.
  double steps = 1 << 16;
  if (rank_of(comm) == 0) {
    while (true) {
      const double start = MPI_Wtime();
      sink = sink + calibration_work(static_cast<std::uint64_t>(steps), 7);
      if (MPI_Wtime() - start >= 0.01) break;
      steps *= 2;
    }
  }
  steps = broadcast_from_root(comm, steps);
  const auto work = [&] { sink = sink + calibration_work(static_cast<std::uint64_t>(steps), 11); };

  std::vector<double> trials;
  for (int trial = 0; trial < 3; ++trial) {
    const double alone = time_collective(comm, work, true, 1);
    // Together: each rank's own time, so a rank slowed by a busy core counts for less.
    polite_barrier(comm);
    const double start = MPI_Wtime();
    work();
    const double mine = std::min(1.0, alone / std::max(MPI_Wtime() - start, 1e-9));
    double total = 0;
    MPI_Allreduce(&mine, &total, 1, MPI_DOUBLE, MPI_SUM, comm);
    trials.push_back(total);
  }
  std::sort(trials.begin(), trials.end());
  return broadcast_from_root(comm, std::clamp(trials[1], 1.0, static_cast<double>(ranks)));
}

Measurement measure(MPI_Comm comm, const std::function<void()>& serial, const std::function<void()>& distributed,
                    const TimingOptions& options) {
  // Other processes' load during the measurement: the machine's work, less this job's (every
  // rank's own CPU time, summed); on rank 0's reading, the same on every rank.
  const OtherProcessesLoad others;
  const double own_before = cpu_seconds_of_process_tree();
  Measurement m = Measurement::of(compare_interleaved(comm, serial, distributed, options), size_of(comm));
  const double own = cpu_seconds_of_process_tree() - own_before;
  double job = 0;
  MPI_Allreduce(&own, &job, 1, MPI_DOUBLE, MPI_SUM, comm);
  const auto [other, wall] = others.other_and_wall_seconds();  // less this rank's own CPU time already
  m.other_cores = broadcast_from_root(comm, wall >= 0.05 ? std::max(0.0, (other - (job - own)) / wall) : -1.0);
  m.parallelism = measured_parallelism(comm);
  return m;
}

}  // namespace hpc::mpi
