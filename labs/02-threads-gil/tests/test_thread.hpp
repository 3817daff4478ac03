// A std::thread for tests: an exception thrown in the thread (a starter's "not implemented", or
// a student's bug) is carried to join() and rethrown in the test body, where GoogleTest reports
// it, instead of std::terminate ending the whole test program.
#pragma once

#include <exception>
#include <thread>
#include <utility>

class TestThread {
 public:
  template <typename F>
  explicit TestThread(F body)
      : thread_([this, body = std::move(body)]() mutable {
          try {
            body();
          } catch (...) {
            error_ = std::current_exception();
          }
        }) {}
  TestThread(TestThread&&) = delete;
  ~TestThread() {
    if (thread_.joinable()) thread_.join();
  }

  void join() {
    thread_.join();
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
  }

 private:
  std::exception_ptr error_;  // declared first: set by the thread, which starts last
  std::thread thread_;
};
