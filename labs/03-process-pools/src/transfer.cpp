// Exercise 3 — a large result out of a child through shared memory. Graded by test_applications
// (Transfer.*) and perf_transfer (against the pipe in baseline/baseline.cpp, 128 MiB).
#include "hpc/todo.hpp"
#include "lab03/transfer.hpp"

namespace hpc::lab03 {

SharedDoubles::SharedDoubles(std::size_t count) : count_(count) {
  // TODO(student): mmap count doubles with PROT_READ | PROT_WRITE and MAP_SHARED | MAP_ANONYMOUS
  // (throw std::bad_alloc on MAP_FAILED). Shared, not private: the child's writes must reach us.
}

SharedDoubles::~SharedDoubles() {
  // TODO(student): munmap what the constructor mapped.
}

void produce_in_child_shared(SharedDoubles& out) {
  // TODO(student): fork; the child writes produced_value(i) into out.values()[i] for every i and
  // calls _exit(0); the parent waits for it (waitpid) and throws std::runtime_error if it failed.
  hpc::todo("produce_in_child_shared");
}

}  // namespace hpc::lab03
