// Matrix multiply in GFLOP/s: the naive baseline, your kernel on one thread and on every thread,
// and (when libopenblas-dev is present) OpenBLAS dgemm on one thread as the ceiling to aim at.
#include <benchmark/benchmark.h>
#include <omp.h>

#include <vector>

#include "baseline.hpp"
#include "hpc/data.hpp"

#ifdef HPC_HAVE_OPENBLAS
#include <cblas.h>
extern "C" void openblas_set_num_threads(int);
#endif

namespace {

struct Operands {
  explicit Operands(std::size_t n) : a(hpc::random_doubles(n * n, 1)), b(hpc::random_doubles(n * n, 2)), c(n * n) {}
  std::vector<double> a, b, c;
};

void report_flops(benchmark::State& state, std::size_t n) {
  state.counters["GFLOP/s"] =
      benchmark::Counter(2.0 * static_cast<double>(n * n * n) * static_cast<double>(state.iterations()) * 1e-9,
                         benchmark::Counter::kIsRate);
  state.counters["n"] = static_cast<double>(n);
}

void BM_MatmulNaive(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  Operands m(n);
  for (auto _ : state) {
    hpc::lab01::baseline::matmul(m.a, m.b, m.c, n);
    benchmark::DoNotOptimize(m.c.data());  // the product is used: no call can be optimized away
    benchmark::ClobberMemory();
  }
  report_flops(state, n);
}

void BM_Matmul(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const int threads = static_cast<int>(state.range(1));
  omp_set_num_threads(threads > 0 ? threads : omp_get_num_procs());
  Operands m(n);
  for (auto _ : state) {
    hpc::lab01::matmul(m.a, m.b, m.c, n);
    benchmark::DoNotOptimize(m.c.data());
    benchmark::ClobberMemory();
  }
  report_flops(state, n);
  state.counters["threads"] = omp_get_max_threads();
}

BENCHMARK(BM_MatmulNaive)->Arg(256)->Arg(512)->Arg(1024)->Unit(benchmark::kMillisecond);
// Second argument: threads (0 = every core).
BENCHMARK(BM_Matmul)->ArgsProduct({{256, 512, 1024, 2048}, {1, 0}})->Unit(benchmark::kMillisecond);

#ifdef HPC_HAVE_OPENBLAS
void BM_OpenBlasDgemm(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  openblas_set_num_threads(1);
  Operands m(n);
  const int ni = static_cast<int>(n);
  for (auto _ : state) {
    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, ni, ni, ni, 1.0, m.a.data(), ni, m.b.data(), ni, 0.0,
                m.c.data(), ni);
    benchmark::DoNotOptimize(m.c.data());
    benchmark::ClobberMemory();
  }
  report_flops(state, n);
}
#else
// Without OpenBLAS the ceiling's row stays in the table and says how to get it.
void BM_OpenBlasDgemm(benchmark::State& state) {
  state.SkipWithError("OpenBLAS is not installed: apt-get install libopenblas-dev (as root), then rebuild");
  for (auto _ : state) {  // never entered after SkipWithError
  }
}
#endif
BENCHMARK(BM_OpenBlasDgemm)->Arg(256)->Arg(512)->Arg(1024)->Arg(2048)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
