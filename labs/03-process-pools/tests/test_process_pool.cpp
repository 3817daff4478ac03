#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <set>
#include <stdexcept>

#include "baseline.hpp"
#include "children.hpp"

namespace {

using namespace hpc::lab03;

std::vector<Bytes> prime_ranges(std::int64_t count, std::int64_t width) {
  std::vector<Bytes> inputs;
  for (std::int64_t i = 0; i < count; ++i) {
    inputs.push_back(encode_doubles({static_cast<double>(i * width), static_cast<double>((i + 1) * width)}));
  }
  return inputs;
}

void register_failing_tasks() {
  register_lab_tasks();
  register_task("throw_on_13", [](const Bytes& in) {
    if (decode_int(in) == 13) throw std::domain_error("thirteen is unlucky");
    return in;
  });
  register_task("crash_on_13", [](const Bytes& in) {
    if (decode_int(in) == 13) std::abort();
    return in;
  });
}

std::vector<Bytes> numbers(std::int64_t count) {
  std::vector<Bytes> inputs;
  for (std::int64_t i = 0; i < count; ++i) inputs.push_back(encode_int(i));
  return inputs;
}

TEST(ProcessPool, ResultsInInputOrderForEveryChunkingAndSchedule) {
  register_lab_tasks();
  const auto inputs = prime_ranges(37, 997);
  const auto expected = baseline::run_serially("count_primes", inputs);
  ProcessPool pool(3);
  for (auto schedule : {Schedule::static_blocks, Schedule::dynamic}) {
    for (std::size_t chunksize : {1u, 2u, 5u, 36u, 37u, 100u}) {
      EXPECT_EQ(pool.map("count_primes", inputs, chunksize, schedule), expected) << "chunksize " << chunksize;
    }
  }
  EXPECT_TRUE(pool.map("count_primes", {}, 4).empty());
}

TEST(ProcessPool, WorkersAreForkedOnceAndReused) {
  register_lab_tasks();
  ProcessPool pool(2);
  const auto pids = pool.worker_pids();
  ASSERT_EQ(pids.size(), 2u);
  std::set<std::int64_t> seen;
  for (int round = 0; round < 3; ++round) {
    for (const auto& r : pool.map("worker_pid", numbers(50), 1)) seen.insert(decode_int(r));
  }
  EXPECT_EQ(seen, std::set<std::int64_t>(pids.begin(), pids.end())) << "tasks ran outside the pool's workers";
  EXPECT_EQ(seen.count(getpid()), 0u);
}

TEST(ProcessPool, ATaskThatThrowsNamesItsInput) {
  register_failing_tasks();
  ProcessPool pool(2);
  try {
    pool.map("throw_on_13", numbers(40), 4);
    FAIL() << "map must throw";
  } catch (const TaskError& e) {
    EXPECT_EQ(e.input_index, 13u);
    EXPECT_NE(std::string(e.what()).find("thirteen is unlucky"), std::string::npos) << e.what();
  }
  EXPECT_EQ(pool.map("throw_on_13", numbers(5), 2).size(), 5u) << "the pool must stay usable";
}

TEST(ProcessPool, ACrashedWorkerIsReportedAndReplaced) {
  register_failing_tasks();
  ProcessPool pool(2);
  try {
    pool.map("crash_on_13", numbers(40), 1);
    FAIL() << "map must throw";
  } catch (const TaskError& e) {
    EXPECT_EQ(e.input_index, 13u);
  }
  EXPECT_EQ(pool.map("crash_on_13", numbers(10), 3).size(), 10u) << "a new worker must replace the dead one";
  EXPECT_EQ(pool.size(), 2u);
}

// With chunks of 4 a dead worker cannot say which input killed it: the report names the first
// input of its chunk (12), not the chunk's number (3), which chunks of 1 cannot tell apart.
TEST(ProcessPool, ACrashInALargerChunkNamesTheChunksFirstInput) {
  register_failing_tasks();
  ProcessPool pool(2);
  try {
    pool.map("crash_on_13", numbers(40), 4);
    FAIL() << "map must throw";
  } catch (const TaskError& e) {
    EXPECT_EQ(e.input_index, 12u) << e.what();
  }
  try {
    pool.map("throw_on_13", numbers(40), 4);  // a task that throws knows its own input
    FAIL() << "map must throw";
  } catch (const TaskError& e) {
    EXPECT_EQ(e.input_index, 13u) << e.what();
  }
}

// A worker that dies while idle (killed from outside) must not take the parent with it: writing
// to its pipe must give an error the pool handles (EPIPE), not SIGPIPE, which ends the process.
TEST(ProcessPool, AnIdleWorkerKilledFromOutsideDoesNotKillTheParent) {
  register_failing_tasks();
  ProcessPool pool(2);
  ASSERT_EQ(pool.map("crash_on_13", numbers(4), 1).size(), 4u);
  kill(pool.worker_pids().front(), SIGKILL);
  usleep(100'000);  // the worker is gone before the next chunk is sent to it
  try {
    const auto results = pool.map("crash_on_13", numbers(8), 1);
    EXPECT_EQ(results.size(), 8u);
  } catch (const TaskError& e) {
    EXPECT_NE(std::string(e.what()).find("worker"), std::string::npos) << e.what();
  }
  EXPECT_EQ(pool.map("crash_on_13", numbers(8), 1).size(), 8u) << "the pool must replace the dead worker";
}

TEST(ProcessPool, UnknownTaskIsAnError) {
  register_lab_tasks();
  ProcessPool pool(1);
  EXPECT_THROW(pool.map("no_such_task", numbers(3), 1), TaskError);
}

TEST(ProcessPool, ShutdownLeavesNoProcessBehind) {
  register_failing_tasks();
  ASSERT_TRUE(child_processes().empty());
  {
    ProcessPool pool(3);
    EXPECT_EQ(child_processes().size(), 3u);
    try {
      pool.map("crash_on_13", numbers(20), 1);
    } catch (const TaskError&) {
    }
  }
  EXPECT_TRUE(child_processes().empty()) << "workers (or zombies) outlived the pool";
}

}  // namespace
