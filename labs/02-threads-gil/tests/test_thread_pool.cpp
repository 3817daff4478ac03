#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

#include "cpu_time.hpp"
#include "lab02/concurrency.hpp"

namespace {

using hpc::lab02::ThreadPool;
using namespace std::chrono_literals;

TEST(ThreadPool, ReturnsEveryResult) {
  ThreadPool pool(3);
  std::vector<std::future<int>> results;
  for (int i = 0; i < 1000; ++i) results.push_back(pool.submit([i] { return i * i; }));
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(results[static_cast<std::size_t>(i)].get(), i * i);
}

TEST(ThreadPool, ExceptionsReachTheFuture) {
  ThreadPool pool(2);
  auto failing = pool.submit([]() -> int { throw std::domain_error("bad input 42"); });
  auto fine = pool.submit([] { return 1; });
  EXPECT_THROW(
      {
        try {
          failing.get();
        } catch (const std::domain_error& e) {
          EXPECT_STREQ(e.what(), "bad input 42");
          throw;
        }
      },
      std::domain_error);
  EXPECT_EQ(fine.get(), 1) << "a throwing task must not take a worker down";
}

TEST(ThreadPool, UsesAtMostItsThreads) {
  ThreadPool pool(3);
  std::mutex mutex;
  std::set<std::thread::id> ids;
  std::vector<std::future<void>> done;
  for (int i = 0; i < 200; ++i) {
    done.push_back(pool.submit([&] {
      std::this_thread::sleep_for(100us);
      std::lock_guard lock(mutex);
      ids.insert(std::this_thread::get_id());
    }));
  }
  for (auto& d : done) d.get();
  EXPECT_LE(ids.size(), 3u);
  EXPECT_EQ(ids.count(std::this_thread::get_id()), 0u) << "tasks must run on the pool's workers";
}

TEST(ThreadPool, RunsTasksInParallel) {
  ThreadPool pool(4);
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::future<void>> done;
  for (int i = 0; i < 4; ++i) done.push_back(pool.submit([] { std::this_thread::sleep_for(100ms); }));
  for (auto& d : done) d.get();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 250ms);
}

TEST(ThreadPool, DestructorFinishesQueuedTasks) {
  std::atomic<int> ran{0};
  {
    ThreadPool pool(2);
    for (int i = 0; i < 100; ++i) {
      pool.submit([&] {
        std::this_thread::sleep_for(200us);
        ++ran;
      });
    }
  }
  EXPECT_EQ(ran, 100);
}

TEST(ThreadPool, IdleWorkersSleep) {
  ThreadPool pool(4);
  pool.submit([] {}).get();
  const auto before = process_cpu_time();
  std::this_thread::sleep_for(300ms);
  EXPECT_LT(process_cpu_time() - before, 60ms) << "idle workers used CPU: wait on the condition variable";
}

}  // namespace
