// What students implement in Lab 02 (src/*.cpp). The classes' data members are given, so the
// tests can rely on the layout; the member functions are the exercise.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <vector>

#include "lab02/interpreter.hpp"

namespace hpc::lab02 {

// Exercise 1-2: run every program on its own std::thread through `interpreter`, all at once;
// return their results in the order of `programs`.
std::vector<std::int64_t> run_concurrently(Interpreter& interpreter, const std::vector<Program>& programs);

// Exercise 3: a native function (register it with Interpreter::register_native) that returns the
// number of primes below `limit`, counted by trial division, without holding the GIL while it
// counts.
std::int64_t count_primes_native(Gil& gil, std::int64_t limit);

// Exercise 4: a bounded, blocking, closable FIFO queue for many producers and consumers.
class BoundedQueue {
 public:
  explicit BoundedQueue(std::size_t capacity);
  // Blocks while the queue is full. Returns false (and drops the item) once the queue is closed.
  bool push(std::int64_t item);
  // Blocks while the queue is empty and open. Returns std::nullopt once it is closed and drained.
  std::optional<std::int64_t> pop();
  // Wakes every blocked producer and consumer; later pushes fail, pops drain what is left.
  void close();

 private:
  const std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
  std::deque<std::int64_t> items_;
  bool closed_ = false;
};

// Exercise 5: a fixed set of worker threads running submitted tasks in submission order.
class ThreadPool {
 public:
  explicit ThreadPool(std::size_t threads);
  // Finishes every task already submitted, then joins the workers.
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  // Runs f() on a worker; the future holds its result or the exception it threw. (Given:
  // packaged_task does the future's work; enqueue() is yours.)
  template <typename F>
  auto submit(F f) -> std::future<std::invoke_result_t<F>> {
    auto task = std::make_shared<std::packaged_task<std::invoke_result_t<F>()>>(std::move(f));
    auto result = task->get_future();
    enqueue([task] { (*task)(); });
    return result;
  }

 private:
  void enqueue(std::function<void()> task);
  void work();  // the loop each worker thread runs

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

// Exercise 6: `threads` threads each add 1 to a shared total `increments` times; all three must
// return exactly threads * increments. (baseline/ shows the racy version, which loses updates.)
std::int64_t count_with_atomic(int threads, std::int64_t increments);
std::int64_t count_with_mutex(int threads, std::int64_t increments);
std::int64_t count_with_partial_sums(int threads, std::int64_t increments);

}  // namespace hpc::lab02
