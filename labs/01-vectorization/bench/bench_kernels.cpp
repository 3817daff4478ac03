// The other Lab 01 kernels against their baselines at several sizes. Each pair of benchmarks
// (Baseline / yours) shares a size, so the plots can show the speedup per size.
#include <benchmark/benchmark.h>
#include <omp.h>

#include <vector>

#include "baseline.hpp"
#include "hpc/data.hpp"

namespace {

namespace lab = hpc::lab01;

template <bool kBaseline>
void BM_Distances(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0)), d = std::size_t{32};
  const auto x = hpc::random_doubles(n * d, 1), y = hpc::random_doubles(n * d, 2);
  std::vector<double> out(n * n);
  for (auto _ : state) {
    if constexpr (kBaseline)
      lab::baseline::pairwise_distances(x, y, out, n, n, d);
    else
      lab::pairwise_distances(x, y, out, n, n, d);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.counters["threads"] = kBaseline ? 1 : omp_get_max_threads();
}
// n = 1000 is the graded size; n = 1024, a power of two, shows what cache-set conflicts do to the baseline.
BENCHMARK(BM_Distances<true>)
    ->Name("Distances/baseline")
    ->Arg(250)
    ->Arg(1000)
    ->Arg(1024)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Distances<false>)->Name("Distances/yours")->Arg(250)->Arg(1000)->Arg(1024)->Unit(benchmark::kMillisecond);

template <bool kBaseline>
void BM_Mandelbrot(benchmark::State& state) {
  const auto side = static_cast<std::size_t>(state.range(0));
  const lab::MandelbrotGrid grid{.width = side, .height = side, .max_iterations = 500};
  std::vector<int> out(side * side);
  for (auto _ : state) {
    if constexpr (kBaseline)
      lab::baseline::mandelbrot(grid, out);
    else
      lab::mandelbrot(grid, out);
  }
  state.counters["threads"] = kBaseline ? 1 : omp_get_max_threads();
}
BENCHMARK(BM_Mandelbrot<true>)->Name("Mandelbrot/baseline")->Arg(256)->Arg(512)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Mandelbrot<false>)->Name("Mandelbrot/yours")->Arg(256)->Arg(512)->Unit(benchmark::kMillisecond);

template <bool kBaseline>
void BM_MonteCarloPi(benchmark::State& state) {
  const auto samples = static_cast<std::uint64_t>(state.range(0));
  for (auto _ : state) {
    benchmark::DoNotOptimize(kBaseline ? lab::baseline::estimate_pi(samples, 1)
                                       : lab::estimate_pi(samples, 1, omp_get_max_threads()));
  }
}
BENCHMARK(BM_MonteCarloPi<true>)
    ->Name("MonteCarloPi/baseline")
    ->Arg(1 << 20)
    ->Arg(1 << 24)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MonteCarloPi<false>)
    ->Name("MonteCarloPi/yours")
    ->Arg(1 << 20)
    ->Arg(1 << 24)
    ->Unit(benchmark::kMillisecond);

template <bool kBaseline>
void BM_Describe(benchmark::State& state) {
  const auto data = hpc::random_doubles(static_cast<std::size_t>(state.range(0)), 1);
  for (auto _ : state) {
    benchmark::DoNotOptimize(kBaseline ? lab::baseline::describe(data).kurtosis : lab::describe(data).kurtosis);
  }
  state.SetBytesProcessed(state.iterations() * state.range(0) * static_cast<std::int64_t>(sizeof(double)));
}
BENCHMARK(BM_Describe<true>)->Name("Describe/baseline")->Arg(1 << 16)->Arg(1 << 22)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Describe<false>)->Name("Describe/yours")->Arg(1 << 16)->Arg(1 << 22)->Unit(benchmark::kMillisecond);

template <bool kBaseline>
void BM_Convolution(benchmark::State& state) {
  const auto side = static_cast<std::size_t>(state.range(0));
  const lab::Image image{side, side, hpc::random_doubles(side * side, 1)};
  const lab::Image kernel{7, 7, hpc::random_doubles(49, 2)};
  for (auto _ : state) {
    benchmark::DoNotOptimize(kBaseline ? lab::baseline::convolve2d(image, kernel, lab::ConvolutionMode::same)
                                       : lab::convolve2d(image, kernel, lab::ConvolutionMode::same));
  }
}
BENCHMARK(BM_Convolution<true>)->Name("Convolution/baseline")->Arg(256)->Arg(1024)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Convolution<false>)->Name("Convolution/yours")->Arg(256)->Arg(1024)->Unit(benchmark::kMillisecond);

template <bool kBaseline>
void BM_EditDistance(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto a = hpc::random_string(n, 1), b = hpc::random_string(n, 2);
  for (auto _ : state) {
    benchmark::DoNotOptimize(kBaseline ? lab::baseline::edit_distance(a, b) : lab::edit_distance(a, b));
  }
}
BENCHMARK(BM_EditDistance<true>)->Name("EditDistance/baseline")->Arg(1000)->Arg(4000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EditDistance<false>)->Name("EditDistance/yours")->Arg(1000)->Arg(4000)->Unit(benchmark::kMillisecond);

// One field of 40-byte structs vs the same field as its own column.
template <bool kBaseline>
void BM_MeanPrice(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto prices = hpc::random_doubles(n, 1, 1, 100);
  std::vector<lab::Record> records(n);
  for (std::size_t i = 0; i < n; ++i) records[i] = {static_cast<std::int64_t>(i), 30, 1, 0.5, prices[i]};
  const auto table = lab::compact(records);
  for (auto _ : state) {
    if constexpr (kBaseline) {
      benchmark::DoNotOptimize(lab::baseline::mean_price(records));
    } else {
      double sum = 0;
      std::visit(
          [&](const auto& column) {
            for (auto v : column) sum += v;
          },
          table.price);
      benchmark::DoNotOptimize(sum / static_cast<double>(n));
    }
  }
}
BENCHMARK(BM_MeanPrice<true>)->Name("MeanPrice/array_of_structs")->Arg(1 << 22)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MeanPrice<false>)->Name("MeanPrice/struct_of_arrays")->Arg(1 << 22)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
