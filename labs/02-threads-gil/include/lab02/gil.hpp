// A global interpreter lock, modelled on CPython's (3.2+): one thread at a time may execute
// bytecode. A thread that has waited one switch interval asks the holder to drop the lock; the
// holder drops it at its next check and waits until another thread has taken it (so the
// request is honoured, not won back at once by the same thread).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace hpc::lab02 {

class Gil {
 public:
  explicit Gil(std::chrono::microseconds switch_interval = std::chrono::milliseconds(5));
  Gil(const Gil&) = delete;
  Gil& operator=(const Gil&) = delete;

  void acquire();
  void release();
  // Whether a waiting thread asked the holder to drop the lock: checked by the interpreter
  // every few instructions, cheaply (one relaxed atomic load).
  bool drop_requested() const { return drop_request_.load(std::memory_order_relaxed); }
  // Holder only: release, wait until another thread has taken the lock, re-acquire.
  void yield();

  std::uint64_t switches() const;  // how many times the lock changed hands

 private:
  const std::chrono::microseconds interval_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  bool locked_ = false;
  int waiting_ = 0;
  std::uint64_t acquisitions_ = 0;  // bumped by every acquire: "someone else took it"
  std::uint64_t switches_ = 0;      // acquisitions by a thread other than the previous holder
  std::thread::id last_holder_;
  std::atomic<bool> drop_request_{false};
};

// Releases the GIL for its scope: the analogue of Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS.
// Native code that does not touch interpreter state wraps its long-running part in one.
class GilRelease {
 public:
  explicit GilRelease(Gil& gil) : gil_(gil) { gil_.release(); }
  ~GilRelease() { gil_.acquire(); }
  GilRelease(const GilRelease&) = delete;
  GilRelease& operator=(const GilRelease&) = delete;

 private:
  Gil& gil_;
};

}  // namespace hpc::lab02
