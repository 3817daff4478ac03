// Lab 04 benchmarks, run under mpirun (./grade --bench 04 starts them on 2 ranks; more with
// mpirun -np N build/solution/bin/04-mpi/bench_mpi).
//
//   PingPong/<bytes>      one-way time between ranks 0 and 1, with latency_us and GB/s counters
//   <Kernel>/<ranks>      the distributed kernel on the first <ranks> ranks: strong scaling
//                         (the same problem on more ranks: ideally time / ranks)
//   <Kernel>Weak/<ranks>  the problem grows with the ranks: weak scaling (ideally flat)
//
// Every rank runs every benchmark with a fixed iteration count (see mpi_benchmark_main.cpp).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <memory>

#include "hpc/data.hpp"
#include "hpc/machine.hpp"
#include "hpc/mpi_timing.hpp"
#include "lab04/aggregate.hpp"
#include "lab04/heat.hpp"
#include "lab04/monte_carlo.hpp"
#include "lab04/point_to_point.hpp"
#include "lab04/sgd.hpp"
#include "lab04_testing.hpp"

namespace {

using namespace hpc::lab04;
using namespace lab04_testing;

void BM_PingPong(benchmark::State& state) {
  if (world_size() < 2) {
    state.SkipWithError("needs 2 ranks: mpirun -np 2");
    return;
  }
  std::vector<char> message(static_cast<std::size_t>(state.range(0)));
  const int round_trips = message.size() <= 65536 ? 200 : 10;
  double best = 1e9;  // the counters report the best iteration: what the link can do
  for (auto _ : state) {
    MPI_Barrier(MPI_COMM_WORLD);
    const double one_way = std::max(ping_pong(MPI_COMM_WORLD, message, round_trips), 1e-12);
    state.SetIterationTime(one_way);
    best = std::min(best, one_way);
  }
  state.counters["latency_us"] = best * 1e6;
  state.counters["GB/s"] = static_cast<double>(message.size()) / best / 1e9;
}
BENCHMARK(BM_PingPong)->ArgName("bytes")->RangeMultiplier(8)->Range(8, 16 << 20)->Iterations(20)->UseManualTime();

// Times a kernel on a communicator of the first `ranks` ranks while the others wait politely:
// make_kernel(comm) prepares the rank's data (untimed) and returns the kernel. Each iteration's
// time is rank 0's, from barrier to barrier.
using Kernel = std::function<void()>;

void on_first_ranks(benchmark::State& state, const std::function<Kernel(MPI_Comm)>& make_kernel) {
  const int ranks = static_cast<int>(state.range(0));
  if (ranks > world_size()) {
    state.SkipWithError("more ranks than this job has");
    return;
  }
  MPI_Comm comm;
  MPI_Comm_split(MPI_COMM_WORLD, world_rank() < ranks ? 0 : MPI_UNDEFINED, world_rank(), &comm);
  const Kernel kernel = comm != MPI_COMM_NULL ? make_kernel(comm) : Kernel([] {});
  for (auto _ : state) {
    hpc::mpi::polite_barrier(MPI_COMM_WORLD);
    const double start = MPI_Wtime();
    kernel();
    hpc::mpi::polite_barrier(MPI_COMM_WORLD);
    double seconds = MPI_Wtime() - start;
    MPI_Bcast(&seconds, 1, MPI_DOUBLE, 0, MPI_COMM_WORLD);
    state.SetIterationTime(seconds);
  }
  if (comm != MPI_COMM_NULL) MPI_Comm_free(&comm);
}

void BM_MonteCarlo(benchmark::State& state) {
  on_first_ranks(
      state, [](MPI_Comm comm) { return [comm] { benchmark::DoNotOptimize(distributed_pi(comm, 20'000'000, 1)); }; });
}

void heat_on_first_ranks(benchmark::State& state, std::size_t n) {
  on_first_ranks(state, [n](MPI_Comm comm) {
    const auto rod = hpc::random_doubles(n, 3, 0.0, 100.0);
    const Block block = block_of(n, size_of(comm), rank_of(comm));
    std::vector<double> local(rod.begin() + static_cast<std::ptrdiff_t>(block.begin),
                              rod.begin() + static_cast<std::ptrdiff_t>(block.end));
    return [comm, local] { benchmark::DoNotOptimize(heat_diffusion(comm, local, 0.25, 40)); };
  });
}

void BM_Heat(benchmark::State& state) { heat_on_first_ranks(state, 1 << 20); }
void BM_HeatWeak(benchmark::State& state) {
  heat_on_first_ranks(state, static_cast<std::size_t>(state.range(0)) << 19);
}

void BM_MonteCarloWeak(benchmark::State& state) {
  const std::uint64_t samples = 10'000'000 * static_cast<std::uint64_t>(state.range(0));
  on_first_ranks(state, [samples](MPI_Comm comm) {
    return [comm, samples] { benchmark::DoNotOptimize(distributed_pi(comm, samples, 1)); };
  });
}

void BM_Sgd(benchmark::State& state) {
  const std::uint64_t rows = 131'072;
  on_first_ranks(state, [rows](MPI_Comm comm) {
    const Block block = block_of(rows, size_of(comm), rank_of(comm));
    auto shard = std::make_shared<Dataset>(make_regression_rows(64, 13, block.begin, block.end));
    return [comm, shard, rows] {
      benchmark::DoNotOptimize(train_sgd(comm, *shard, rows, {.epochs = 1, .batch_size = 4096, .learning_rate = 0.02}));
    };
  });
}

void BM_Aggregate(benchmark::State& state) {
  SharedFile file("bench");
  if (world_rank() == 0) write_readings_csv(file.path(), 4'000'000, 100, 17);
  MPI_Barrier(MPI_COMM_WORLD);
  on_first_ranks(state, [&file](MPI_Comm comm) {
    return [comm, &file] { benchmark::DoNotOptimize(aggregate_readings(comm, file.path(), 100, 1 << 20)); };
  });
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(std::filesystem::file_size(file.path())));
}

// Ranks to try: 1, 2, 4, ... and the job's size. Benchmarks are registered before MPI_Init, so the
// size comes from the launcher's environment (mpirun and srun both set it).
void up_to_job_size(benchmark::internal::Benchmark* benchmark) {
  const int job = hpc::machine_info().mpi_ranks;
  for (int ranks = 1; ranks < job; ranks *= 2) benchmark->Arg(ranks);
  benchmark->Arg(job);
}

#define SCALING(name)         \
  BENCHMARK(name)             \
      ->ArgName("ranks")      \
      ->Apply(up_to_job_size) \
      ->Iterations(5)         \
      ->UseManualTime()       \
      ->Unit(benchmark::kMillisecond)
SCALING(BM_MonteCarlo);
SCALING(BM_Heat);
SCALING(BM_HeatWeak);
SCALING(BM_MonteCarloWeak);
SCALING(BM_Sgd);
SCALING(BM_Aggregate);

}  // namespace
