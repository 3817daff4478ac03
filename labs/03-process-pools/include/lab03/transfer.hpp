// Exercise 3: getting a large result out of a child process.
#pragma once

#include <cstddef>
#include <span>

namespace hpc::lab03 {

// What the child computes: `count` doubles, value i * 0.5 at index i.
inline double produced_value(std::size_t i) { return static_cast<double>(i) * 0.5; }

// An array in memory shared with the child (mmap MAP_SHARED | MAP_ANONYMOUS): the child writes
// it, the parent reads the same pages — nothing is copied. Unmapped by the destructor.
class SharedDoubles {
 public:
  explicit SharedDoubles(std::size_t count);
  ~SharedDoubles();
  SharedDoubles(const SharedDoubles&) = delete;
  SharedDoubles& operator=(const SharedDoubles&) = delete;
  std::span<double> values() { return {data_, count_}; }

 private:
  double* data_ = nullptr;
  std::size_t count_ = 0;
};

// Forks a child that fills `out` with produced_value(i) and exits; waits for it.
void produce_in_child_shared(SharedDoubles& out);

}  // namespace hpc::lab03
