// main() of every MPI benchmark program: Google Benchmark inside MPI_Init/MPI_Finalize.
//
// Every rank runs every benchmark (they are collective), so each must use a fixed iteration count
// (->Iterations(n)): Google Benchmark's own choice would differ between ranks and deadlock them.
// Only rank 0 reports; its timings are the job's (the benchmarks time from barrier to barrier).
#include <benchmark/benchmark.h>
#include <mpi.h>

#include <string_view>
#include <vector>

namespace {

class SilentReporter : public benchmark::BenchmarkReporter {
 public:
  bool ReportContext(const Context&) override { return true; }
  void ReportRuns(const std::vector<Run>&) override {}
};

}  // namespace

int main(int argc, char** argv) {
  MPI_Init(&argc, &argv);
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  // Ranks other than 0 must not write the --benchmark_out file too.
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    if (rank == 0 || !std::string_view(argv[i]).starts_with("--benchmark_out")) args.push_back(argv[i]);
  }
  int count = static_cast<int>(args.size());
  benchmark::Initialize(&count, args.data());
  if (rank == 0) {
    benchmark::RunSpecifiedBenchmarks();
  } else {
    SilentReporter silent;
    benchmark::RunSpecifiedBenchmarks(&silent);
  }
  benchmark::Shutdown();
  MPI_Finalize();
  return 0;
}
