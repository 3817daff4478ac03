// Reference solution: one mutex guards the deque and the closed flag; producers sleep on
// not_full_, consumers on not_empty_. Every wait re-checks its condition in a loop (spurious
// wake-ups, and another thread may have taken the item first), and close() wakes everybody.
#include "lab02/concurrency.hpp"

namespace hpc::lab02 {

BoundedQueue::BoundedQueue(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

bool BoundedQueue::push(std::int64_t item) {
  std::unique_lock lock(mutex_);
  not_full_.wait(lock, [&] { return closed_ || items_.size() < capacity_; });
  if (closed_) return false;
  items_.push_back(item);
  lock.unlock();  // wake the consumer after unlocking, so it need not block on the mutex at once
  not_empty_.notify_one();
  return true;
}

std::optional<std::int64_t> BoundedQueue::pop() {
  std::unique_lock lock(mutex_);
  not_empty_.wait(lock, [&] { return closed_ || !items_.empty(); });
  if (items_.empty()) return std::nullopt;  // closed and drained
  const std::int64_t item = items_.front();
  items_.pop_front();
  lock.unlock();
  not_full_.notify_one();
  return item;
}

void BoundedQueue::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  not_full_.notify_all();
  not_empty_.notify_all();
}

}  // namespace hpc::lab02
