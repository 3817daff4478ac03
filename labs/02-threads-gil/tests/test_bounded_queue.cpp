#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "cpu_time.hpp"
#include "test_thread.hpp"
#include "lab02/concurrency.hpp"

namespace {

using hpc::lab02::BoundedQueue;
using namespace std::chrono_literals;

// Waits until `done()` holds, up to 5 s: a correct queue takes microseconds, so the bound only
// ever ends a wait that would otherwise never end.
template <typename Done>
bool eventually(Done done) {
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(1ms);
  }
  return true;
}

TEST(BoundedQueue, FifoOnOneThread) {
  BoundedQueue queue(4);
  for (std::int64_t i = 0; i < 4; ++i) EXPECT_TRUE(queue.push(i));
  for (std::int64_t i = 0; i < 4; ++i) EXPECT_EQ(queue.pop(), i);
}

TEST(BoundedQueue, AFullQueueBlocksProducers) {
  BoundedQueue queue(3);
  std::atomic<int> pushed{0};
  TestThread producer([&] {
    for (int i = 0; i < 5; ++i) {
      queue.push(i);
      ++pushed;
    }
  });
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(pushed, 3) << "a producer got past a full queue";
  EXPECT_EQ(queue.pop(), 0);
  EXPECT_EQ(queue.pop(), 1);
  producer.join();
  EXPECT_EQ(pushed, 5);
}

TEST(BoundedQueue, CloseWakesEveryoneAndDrains) {
  BoundedQueue empty(2);
  std::vector<std::unique_ptr<TestThread>> consumers;
  std::atomic<int> woke{0};
  for (int i = 0; i < 3; ++i) {
    consumers.push_back(std::make_unique<TestThread>([&] {
      if (!empty.pop().has_value()) ++woke;
    }));
  }
  BoundedQueue full(1);
  full.push(7);
  std::atomic<int> refused{0};
  TestThread producer([&] {
    if (!full.push(8)) ++refused;
  });
  std::this_thread::sleep_for(50ms);
  empty.close();
  full.close();
  // A producer that close() did not wake would sleep forever: give it time, say so, then free it.
  if (!eventually([&] { return refused == 1; })) {
    ADD_FAILURE() << "close() did not wake the producer blocked on a full queue (wake not_full_ too)";
    full.pop();  // makes room: the producer's wait ends
  }
  for (auto& c : consumers) c->join();
  producer.join();
  EXPECT_EQ(woke, 3) << "consumers blocked on an empty queue must return nullopt after close()";
  EXPECT_EQ(refused, 1) << "a producer blocked on a full queue must return false after close()";
  EXPECT_FALSE(full.push(9)) << "pushing into a closed queue fails";
  EXPECT_EQ(full.pop(), 7) << "items queued before close() are still delivered";
  EXPECT_EQ(full.pop(), std::nullopt);
}

TEST(BoundedQueue, EveryItemConsumedExactlyOnceUnderStress) {
  constexpr int kProducers = 4, kConsumers = 3;
  constexpr std::int64_t kPerProducer = 20'000;
  BoundedQueue queue(16);
  std::vector<std::atomic<int>> seen(kProducers * kPerProducer);
  std::vector<std::unique_ptr<TestThread>> producers, consumers;
  for (int p = 0; p < kProducers; ++p) {
    producers.push_back(std::make_unique<TestThread>([&, p] {
      for (std::int64_t i = 0; i < kPerProducer; ++i) ASSERT_TRUE(queue.push(p * kPerProducer + i));
    }));
  }
  for (int c = 0; c < kConsumers; ++c) {
    consumers.push_back(std::make_unique<TestThread>([&] {
      while (auto item = queue.pop()) ++seen[static_cast<std::size_t>(*item)];
    }));
  }
  for (auto& t : producers) t->join();
  queue.close();
  for (auto& c : consumers) c->join();
  std::size_t wrong = 0;
  for (const auto& count : seen) wrong += count != 1;
  EXPECT_EQ(wrong, 0u) << "items lost or duplicated";
}

// Several consumers asleep, then as many items pushed at once: each item must wake a consumer.
// Waking only on the empty -> non-empty transition leaves one asleep with an item queued.
TEST(BoundedQueue, EveryItemWakesAConsumer) {
  constexpr int kConsumers = 4;
  for (int trial = 0; trial < 30; ++trial) {
    BoundedQueue queue(64);
    std::atomic<int> served{0};
    std::vector<std::unique_ptr<TestThread>> consumers;
    for (int c = 0; c < kConsumers; ++c) {
      consumers.push_back(std::make_unique<TestThread>([&] {
        if (queue.pop().has_value()) ++served;
      }));
    }
    std::this_thread::sleep_for(10ms);  // let them fall asleep in pop()
    for (int i = 0; i < kConsumers; ++i) ASSERT_TRUE(queue.push(i));
    const bool all_served = eventually([&] { return served == kConsumers; });
    queue.close();  // frees a consumer that slept through its item
    for (auto& c : consumers) c->join();
    ASSERT_TRUE(all_served) << "trial " << trial << ": " << served << " of " << kConsumers
                            << " consumers got an item; one slept with an item in the queue (a lost wake-up: "
                               "notify on every push)";
  }
}

TEST(BoundedQueue, WaitingConsumersDoNotSpin) {
  BoundedQueue queue(1);
  TestThread consumer([&] { queue.pop(); });
  std::this_thread::sleep_for(20ms);
  const auto before = process_cpu_time();
  std::this_thread::sleep_for(300ms);
  const auto used = process_cpu_time() - before;
  queue.close();
  consumer.join();
  EXPECT_LT(used, 60ms) << "a blocked consumer used CPU while waiting: use a condition variable";
}

}  // namespace
