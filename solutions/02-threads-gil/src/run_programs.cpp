// Reference solution: one std::thread per program, each writing its own result slot (no sharing,
// so no lock); join them all. The GIL inside Interpreter::run decides how much actually overlaps.
#include "lab02/concurrency.hpp"

namespace hpc::lab02 {

std::vector<std::int64_t> run_concurrently(Interpreter& interpreter, const std::vector<Program>& programs) {
  std::vector<std::int64_t> results(programs.size());
  std::vector<std::thread> threads;
  threads.reserve(programs.size());
  for (std::size_t i = 0; i < programs.size(); ++i) {
    threads.emplace_back([&, i] { results[i] = interpreter.run(programs[i]); });
  }
  for (auto& thread : threads) thread.join();
  return results;
}

}  // namespace hpc::lab02
