// Exercise 5 — a fixed-size thread pool. Graded by test_thread_pool (results, exceptions through
// futures, at most N threads, nothing lost at shutdown, idle workers sleep).
#include "hpc/todo.hpp"
#include "lab02/concurrency.hpp"

namespace hpc::lab02 {

ThreadPool::ThreadPool(std::size_t threads) {
  // TODO(student): start max(threads, 1) workers, each running work().
}

ThreadPool::~ThreadPool() {
  // TODO(student): set stopping_ under the lock, wake every worker, join them all.
}

void ThreadPool::enqueue(std::function<void()> task) {
  // TODO(student): append the task under the lock, then wake one worker.
  hpc::todo("ThreadPool::enqueue");
}

void ThreadPool::work() {
  // TODO(student): loop: wait on wake_ until stopping_ or a task is queued; leave when stopping_
  // and the queue is empty; otherwise take the front task and run it *outside* the lock.
}

}  // namespace hpc::lab02
