// Part 2: your HTTP client against a real server on 127.0.0.1 (baseline/http_test_server.hpp), run
// by this test and stopped by it. Results are compared exactly with the sequential client's
// (baseline/sequential_http_client.hpp), each run against a fresh server, so that both see the
// same injected failures; the server's own counts judge the connections and the requests.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "hpc/data.hpp"
#include "http_test_server.hpp"
#include "lab06/http_client.hpp"
#include "sequential_http_client.hpp"

namespace {

using namespace hpc::lab06;
using baseline::LoopbackServer;
using baseline::ServerOptions;

std::vector<std::string> urls_of(const LoopbackServer& server, const std::vector<std::string>& targets) {
  std::vector<std::string> urls;
  for (const std::string& target : targets) urls.push_back(server.url(target));
  return urls;
}

// What the sequential client gets for `targets` from a server of its own, fresh.
std::vector<FetchResult> sequential_results(const std::vector<std::string>& targets, const FetchOptions& options,
                                            const ServerOptions& server_options = {}) {
  LoopbackServer server(server_options);
  return baseline::fetch_sequentially(urls_of(server, targets), options);
}

void expect_same(const std::vector<FetchResult>& mine, const std::vector<FetchResult>& expected,
                 const std::vector<std::string>& targets) {
  ASSERT_EQ(mine.size(), expected.size());
  for (std::size_t i = 0; i < mine.size(); ++i) {
    SCOPED_TRACE("position " + std::to_string(i) + ": " + targets[i]);
    EXPECT_EQ(mine[i].status, expected[i].status);
    EXPECT_EQ(mine[i].error, expected[i].error);
    EXPECT_EQ(mine[i].attempts, expected[i].attempts);
    EXPECT_FALSE(mine[i].from_cache);
    EXPECT_EQ(mine[i].body.size(), expected[i].body.size());
    EXPECT_TRUE(mine[i].body == expected[i].body) << "the body differs";
  }
}

// The client closes its connections before it returns; the server notices within milliseconds.
bool all_closed(const LoopbackServer& server) {
  for (int i = 0; i < 200 && server.open_connections() > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return server.open_connections() == 0;
}

std::size_t entries_in(const char* folder) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder)) ++n;
  return n;
}

TEST(HttpClient, BodiesEqualTheSequentialClientsByteForByte) {
  const std::vector<std::string> targets = {"/data/a",
                                            "/data/empty?bytes=0",
                                            "/data/one?bytes=1",
                                            "/data/b?bytes=4097",
                                            "/data/big?bytes=1048576",
                                            "/data/c?bytes=65536",
                                            "/data/d?bytes=17"};
  const FetchOptions options{.max_connections = 3};
  LoopbackServer server;
  const auto mine = fetch_all(urls_of(server, targets), options);
  expect_same(mine, sequential_results(targets, options), targets);
  for (std::size_t i = 0; i < mine.size(); ++i) EXPECT_TRUE(mine[i].body == LoopbackServer::body_of(targets[i]));
}

TEST(HttpClient, NotFoundIsFinalNotRetried) {
  LoopbackServer server;
  const auto mine = fetch_all({server.url("/nothing/here")}, {.max_retries = 3});
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].status, 404);
  EXPECT_EQ(mine[0].error, "HTTP 404");
  EXPECT_EQ(mine[0].attempts, 1);
  EXPECT_EQ(server.requests("/nothing/here"), 1);
}

TEST(HttpClient, AnEmptyListOpensNoConnection) {
  LoopbackServer server;
  EXPECT_TRUE(fetch_all({}, {}).empty());
  EXPECT_EQ(server.connections_accepted(), 0);
}

TEST(HttpPool, KConnectionsEachCarryingManyRequests) {
  for (const int k : {1, 3}) {
    SCOPED_TRACE("max_connections " + std::to_string(k));
    LoopbackServer server({.latency_seconds = 0.005});
    std::vector<std::string> targets;
    for (int i = 0; i < 30; ++i) targets.push_back("/data/u" + std::to_string(i));
    const auto mine = fetch_all(urls_of(server, targets), {.max_connections = k});
    ASSERT_EQ(mine.size(), targets.size());
    for (const FetchResult& r : mine) EXPECT_EQ(r.status, 200);
    EXPECT_EQ(server.total_requests(), 30);
    EXPECT_EQ(server.peak_open_connections(), k) << "K requests in flight need K connections, and no more";
    EXPECT_EQ(server.connections_accepted(), k) << "each connection set up once and reused";
    EXPECT_TRUE(all_closed(server)) << server.open_connections() << " connections still open after fetch_all";
  }
}

// Nothing outlives a test: the server's threads and sockets end with it, the client's connections
// with fetch_all.
TEST(HttpPool, LeavesNoThreadOrSocketBehind) {
  fetch_all({}, {});  // the runner's own channel, opened at the first call, stays: counted before
  const std::size_t threads = entries_in("/proc/self/task"), fds = entries_in("/proc/self/fd");
  {
    LoopbackServer server({.latency_seconds = 0.002, .stall_seconds = 0.3});
    std::vector<std::string> targets(20, "/data/x");
    for (int i = 0; i < 20; ++i) targets.push_back("/stall/1/s" + std::to_string(i));
    fetch_all(urls_of(server, targets), {.max_connections = 4, .timeout_seconds = 0.2});
    EXPECT_TRUE(all_closed(server));
  }
  EXPECT_EQ(entries_in("/proc/self/task"), threads);
  EXPECT_EQ(entries_in("/proc/self/fd"), fds);
}

TEST(HttpCache, OneRequestPerDistinctUrl) {
  std::vector<std::string> targets;
  for (int repeat = 0; repeat < 5; ++repeat) {
    for (int i = 0; i < 12; ++i) targets.push_back("/data/r" + std::to_string(i) + "?bytes=" + std::to_string(100 * i));
  }
  std::shuffle(targets.begin(), targets.end(), std::mt19937(static_cast<unsigned>(hpc::test_seed())));
  LoopbackServer server({.latency_seconds = 0.002});
  const auto mine = fetch_all(urls_of(server, targets), {.max_connections = 4, .cache_entries = 64});
  ASSERT_EQ(mine.size(), targets.size());
  std::map<std::string, int> seen;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    SCOPED_TRACE("position " + std::to_string(i) + ": " + targets[i]);
    const bool first = seen[targets[i]]++ == 0;
    EXPECT_EQ(mine[i].status, 200);
    EXPECT_TRUE(mine[i].body == LoopbackServer::body_of(targets[i]));
    EXPECT_EQ(mine[i].from_cache, !first);
    EXPECT_EQ(mine[i].attempts, first ? 1 : 0);
    EXPECT_EQ(server.requests(targets[i]), 1);
  }
  EXPECT_EQ(server.total_requests(), 12);
}

// Which positions an LRU cache of `capacity` URLs, looked up in list order, serves.
std::vector<bool> lru_hits(const std::vector<std::string>& targets, std::size_t capacity) {
  std::vector<std::string> recent;  // most recently used first
  std::vector<bool> hits;
  for (const std::string& t : targets) {
    const auto found = std::find(recent.begin(), recent.end(), t);
    hits.push_back(found != recent.end());
    if (found != recent.end()) recent.erase(found);
    recent.insert(recent.begin(), t);
    if (recent.size() > capacity) recent.pop_back();
  }
  return hits;
}

TEST(HttpCache, EvictsTheLeastRecentlyUsedUrl) {
  // A B A C A: with 2 entries, C evicts B (used less recently than A), so the last A is a hit.
  std::vector<std::string> targets = {"/data/A", "/data/B", "/data/A", "/data/C", "/data/A",
                                      "/data/B", "/data/D", "/data/C", "/data/D", "/data/A"};
  std::mt19937 random(static_cast<unsigned>(hpc::test_seed()));
  for (int i = 0; i < 40; ++i) targets.push_back("/data/" + std::string(1, static_cast<char>('A' + random() % 5)));
  for (const std::size_t capacity : {std::size_t{1}, std::size_t{2}, std::size_t{3}}) {
    SCOPED_TRACE("cache_entries " + std::to_string(capacity));
    LoopbackServer server;
    const auto mine = fetch_all(urls_of(server, targets), {.max_connections = 2, .cache_entries = capacity});
    const auto hits = lru_hits(targets, capacity);
    ASSERT_EQ(mine.size(), targets.size());
    long misses = 0;
    for (std::size_t i = 0; i < targets.size(); ++i) {
      EXPECT_EQ(mine[i].from_cache, hits[i]) << "position " << i << ": " << targets[i];
      EXPECT_TRUE(mine[i].body == LoopbackServer::body_of(targets[i])) << "position " << i;
      misses += !hits[i];
    }
    EXPECT_EQ(server.total_requests(), misses);
  }
}

TEST(HttpCache, NoCacheMeansARequestForEveryPosition) {
  const std::vector<std::string> targets = {"/data/a", "/data/a", "/data/b", "/data/a", "/data/b", "/data/c"};
  const FetchOptions options{.max_connections = 2, .cache_entries = 0};
  LoopbackServer server;
  expect_same(fetch_all(urls_of(server, targets), options), sequential_results(targets, options), targets);
  EXPECT_EQ(server.requests("/data/a"), 3);
}

// Four positions that fail in their own ways, fetched with K = 2 and 2 retries: the results must
// equal the sequential client's, outcome and error text included; the server never sees 3 connections.
const FetchOptions kFailureOptions{.max_connections = 2, .max_retries = 2};

std::vector<FetchResult> fetch_failures(LoopbackServer& server, const std::vector<std::string>& targets) {
  auto mine = fetch_all(urls_of(server, targets), kFailureOptions);
  expect_same(mine, sequential_results(targets, kFailureOptions), targets);
  EXPECT_LE(server.peak_open_connections(), 2);
  return mine;
}

TEST(HttpFailures, ServerErrorsAreRetriedUpToTheLimit) {
  LoopbackServer server;
  const auto mine = fetch_failures(server, {"/fail/2/x", "/fail/5/y", "/data/ok", "/fail/1/z?bytes=3000"});
  ASSERT_EQ(mine.size(), 4u);
  EXPECT_EQ(mine[1].error, "HTTP 500");
  EXPECT_EQ(mine[1].body, "injected failure");
  EXPECT_EQ(server.requests("/fail/5/y"), 3);
}

TEST(HttpFailures, DroppedConnectionsAreRetriedAndReported) {
  LoopbackServer server;
  const auto mine = fetch_failures(server, {"/drop/1/x", "/drop/9/y", "/data/ok", "/drop/2/z?bytes=70000"});
  ASSERT_EQ(mine.size(), 4u);
  EXPECT_EQ(mine[1].status, 0);
  EXPECT_FALSE(mine[1].error.empty());
}

TEST(HttpFailures, ResetConnectionsAreRetriedAndReported) {
  LoopbackServer server;
  const auto mine = fetch_failures(server, {"/reset/1/x", "/reset/9/y", "/data/ok", "/reset/2/z?bytes=70000"});
  ASSERT_EQ(mine.size(), 4u);
  EXPECT_EQ(mine[0].status, 200) << "reset once, then answered";
  EXPECT_EQ(mine[1].status, 0);
  EXPECT_EQ(mine[1].error, "Failure when receiving data from the peer") << "a TCP reset, every attempt";
  EXPECT_EQ(server.requests("/reset/9/y"), 3);
}

TEST(HttpFailures, TimeoutsAreRetriedAndReported) {
  const std::vector<std::string> targets = {"/stall/1/x", "/stall/9/y", "/data/ok"};
  const FetchOptions options{.max_connections = 3, .max_retries = 1, .timeout_seconds = 0.25};
  const ServerOptions slow{.stall_seconds = 3};
  LoopbackServer server(slow);
  const auto started = std::chrono::steady_clock::now();
  const auto mine = fetch_all(urls_of(server, targets), options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  expect_same(mine, sequential_results(targets, options, slow), targets);
  ASSERT_EQ(mine.size(), 3u);
  EXPECT_EQ(mine[1].error, "Timeout was reached");
  EXPECT_LT(seconds, 2.0) << "each attempt must stop at timeout_seconds";
}

}  // namespace
