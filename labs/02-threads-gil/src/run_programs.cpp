// Exercises 1-2 — threads under a GIL. Graded by test_run_programs (results) and perf_gil
// (CPU-bound: threads give no speedup; I/O-bound: they overlap).
#include "hpc/todo.hpp"
#include "lab02/concurrency.hpp"

namespace hpc::lab02 {

std::vector<std::int64_t> run_concurrently(Interpreter& interpreter, const std::vector<Program>& programs) {
  // TODO(student): start one std::thread per program; thread i runs interpreter.run(programs[i])
  // and stores the result in results[i] (a vector sized up front: each thread writes only its
  // own slot, so no lock is needed). Join every thread, return the results.
  // Then run `build/student/bin/02-threads-gil/bench_gil` and explain the two curves (README).
  hpc::todo("run_concurrently");
}

}  // namespace hpc::lab02
