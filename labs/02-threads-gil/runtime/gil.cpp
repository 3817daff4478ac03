#include "lab02/gil.hpp"

namespace hpc::lab02 {

Gil::Gil(std::chrono::microseconds switch_interval) : interval_(switch_interval) {}

void Gil::acquire() {
  std::unique_lock lock(mutex_);
  ++waiting_;
  while (locked_) {
    const std::uint64_t seen = acquisitions_;
    // Wait one interval; if the same holder still has the lock, ask it to drop it.
    if (!changed_.wait_for(lock, interval_, [&] { return !locked_ || acquisitions_ != seen; }) &&
        acquisitions_ == seen) {
      drop_request_.store(true, std::memory_order_relaxed);
    }
  }
  --waiting_;
  locked_ = true;
  ++acquisitions_;
  if (last_holder_ != std::this_thread::get_id()) {
    ++switches_;
    last_holder_ = std::this_thread::get_id();
  }
  drop_request_.store(false, std::memory_order_relaxed);
  changed_.notify_all();  // a yielding thread waits for exactly this
}

void Gil::release() {
  {
    std::lock_guard lock(mutex_);
    locked_ = false;
  }
  changed_.notify_all();
}

void Gil::yield() {
  std::unique_lock lock(mutex_);
  const std::uint64_t mine = acquisitions_;
  locked_ = false;
  changed_.notify_all();
  // Forced switching: do not race back in before a waiter got its turn.
  changed_.wait(lock, [&] { return acquisitions_ != mine || waiting_ == 0; });
  lock.unlock();
  acquire();
}

std::uint64_t Gil::switches() const {
  std::lock_guard lock(mutex_);
  return switches_;
}

}  // namespace hpc::lab02
