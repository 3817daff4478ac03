// Part 2: requests per second against a local server with 2 ms of latency a request, for the
// sequential client and for yours with K = 1 .. 16 connections (64 distinct URLs, no repeats):
// the rate should grow about linearly with K until the server or the CPU is the limit.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "http_test_server.hpp"
#include "lab06/http_client.hpp"
#include "sequential_http_client.hpp"

namespace {

using namespace hpc::lab06;

constexpr int kUrls = 64;

std::vector<std::string> fresh_urls(const baseline::LoopbackServer& server, long round) {
  std::vector<std::string> urls;
  for (int i = 0; i < kUrls; ++i) {
    urls.push_back(server.url("/data/b" + std::to_string(round) + "-" + std::to_string(i) + "?bytes=4096"));
  }
  return urls;
}

void BM_SequentialClient(benchmark::State& state) {
  baseline::LoopbackServer server({.latency_seconds = 0.002});
  long round = 0;
  for (auto _ : state) benchmark::DoNotOptimize(baseline::fetch_sequentially(fresh_urls(server, ++round), {}));
  state.counters["requests_per_s"] = benchmark::Counter(double(kUrls), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_SequentialClient)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_PooledClient(benchmark::State& state) {
  baseline::LoopbackServer server({.latency_seconds = 0.002});
  const FetchOptions options{.max_connections = static_cast<int>(state.range(0))};
  long round = 0;
  for (auto _ : state) benchmark::DoNotOptimize(fetch_all(fresh_urls(server, ++round), options));
  state.counters["requests_per_s"] = benchmark::Counter(double(kUrls), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["connections"] = double(server.connections_accepted()) / double(round);
}
BENCHMARK(BM_PooledClient)->RangeMultiplier(2)->Range(1, 16)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
