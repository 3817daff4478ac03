// Exercise 4 — a bounded producer-consumer queue. Graded by test_bounded_queue (FIFO, blocking
// when full, close() wakes everyone, every item consumed exactly once under stress, no busy
// waiting), also under ThreadSanitizer in the course's self-test.
#include "hpc/todo.hpp"
#include "lab02/concurrency.hpp"

namespace hpc::lab02 {

BoundedQueue::BoundedQueue(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

bool BoundedQueue::push(std::int64_t item) {
  // TODO(student): lock mutex_; wait on not_full_ until closed_ or there is room; return false if
  // closed_; else append the item, unlock and notify one waiter on not_empty_. Never spin.
  hpc::todo("BoundedQueue::push");
}

std::optional<std::int64_t> BoundedQueue::pop() {
  // TODO(student): wait on not_empty_ until closed_ or an item is there; closed and empty means
  // std::nullopt; else take the front item and notify one waiter on not_full_.
  hpc::todo("BoundedQueue::pop");
}

void BoundedQueue::close() {
  // TODO(student): set closed_ under the lock, then wake *all* waiters on both conditions.
  hpc::todo("BoundedQueue::close");
}

}  // namespace hpc::lab02
