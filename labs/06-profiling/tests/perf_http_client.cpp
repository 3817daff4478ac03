// Part 2: your client against the sequential one (baseline/sequential_http_client.hpp), interleaved
// in one run, on a test server whose every request waits a fixed latency. Every timed pair fetches
// new URLs, and its results are checked against the sequential client's.
//  - Concurrency: distinct URLs over K connections; ideal wall time latency * ceil(requests / K),
//    so speedup / K is how close the pool comes to keeping K requests in flight all the time.
//  - Speedup: a list with repeats, where the cache saves requests too.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hpc/perf_test.hpp"
#include "http_test_server.hpp"
#include "lab06/http_client.hpp"
#include "lab06_thresholds.hpp"
#include "sequential_http_client.hpp"

namespace {

using namespace hpc::lab06;

bool same_outcomes(const std::vector<FetchResult>& mine, const std::vector<FetchResult>& base) {
  if (mine.size() != base.size()) return false;
  for (std::size_t i = 0; i < mine.size(); ++i) {
    if (mine[i].status != base[i].status || mine[i].body != base[i].body) return false;
  }
  return true;
}

// `distinct` URLs, each `repeats` times, spread over the list; new names for every timing pair.
std::vector<std::string> url_list(const baseline::LoopbackServer& server, int pair, int distinct, int repeats) {
  std::vector<std::string> urls;
  for (int r = 0; r < repeats; ++r) {
    for (int i = 0; i < distinct; ++i) {
      const int u = (i * 7 + r * 5) % distinct;
      urls.push_back(server.url("/data/p" + std::to_string(pair + 1) + "-" + std::to_string(u) + "?bytes=2048"));
    }
  }
  return urls;
}

void measure(const hpc::PerfTarget& target, double latency, int distinct, int repeats, int k, int threads_counted) {
  baseline::LoopbackServer server({.latency_seconds = latency});
  const FetchOptions options{.max_connections = k, .cache_entries = 256};
  std::vector<std::string> urls;
  std::vector<FetchResult> base, mine;
  hpc::expect_speedup_at_least(target, [&] {
    return hpc::Measurement::of(
        hpc::compare_interleaved([&] { base = baseline::fetch_sequentially(urls, options); },
                                 [&] { mine = fetch_all(urls, options); },
                                 {.pairs = 5,
                                  .warmup_calls = 1,
                                  .vary = [&](int pair) { urls = url_list(server, pair, distinct, repeats); },
                                  .same = [&] { return same_outcomes(mine, base); }}),
        threads_counted);
  });
}

// 48 distinct URLs, 20 ms each, 8 connections: ideally 6 rounds, 120 ms, against 960 ms.
TEST(HttpPerf, ConcurrencyOverKConnections) { measure(targets::http_concurrency, 0.020, 48, 1, 8, 8); }

// 24 distinct URLs 4 times each, 10 ms each, 8 connections: 3 rounds against 96 requests.
TEST(HttpPerf, SpeedupWithPoolAndCache) { measure(targets::http_speedup, 0.010, 24, 4, 8, 1); }

}  // namespace
