// A tiny stack-machine interpreter whose bytecode runs only under the GIL — the analogue of
// CPython's evaluation loop. Students use it; they do not change it.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

#include "lab02/gil.hpp"

namespace hpc::lab02 {

enum class Op : std::uint8_t {
  push,   // push arg
  load,   // push local[arg]
  store,  // local[arg] = pop
  add,
  sub,
  mul,
  mod,           // b = pop, a = pop, push a (op) b
  jump,          // pc = arg
  jump_if_zero,  // if pop == 0: pc = arg
  sleep_us,      // blocking I/O: sleep arg microseconds with the GIL released
  read_fd,       // blocking I/O: read one byte from file descriptor arg, GIL released; push it (-1 at EOF)
  call_native,   // x = pop; push natives[arg](gil, x), called with the GIL held
  halt,          // stop; the result is the top of the stack (0 if empty)
};

struct Instruction {
  Op op;
  std::int64_t arg = 0;
};
using Program = std::vector<Instruction>;

// A "C extension" function: called with the GIL held. One that runs long without touching the
// interpreter should release it (GilRelease) — or every other thread waits.
using NativeFunction = std::function<std::int64_t(Gil& gil, std::int64_t argument)>;

class Interpreter {
 public:
  static constexpr int kLocals = 8;
  static constexpr int kCheckInterval = 64;  // instructions between checks for a drop request

  explicit Interpreter(Gil& gil) : gil_(gil) {}

  int register_native(NativeFunction function);

  // Runs `program` to its halt on the calling thread, taking the GIL for its bytecode (any
  // number of threads may call run at once). Throws std::runtime_error on a malformed program.
  std::int64_t run(const Program& program);

  Gil& gil() { return gil_; }
  // The most threads ever seen executing bytecode at the same time: 1, if the GIL works.
  int max_concurrent_bytecode() const { return max_in_bytecode_.load(); }

 private:
  Gil& gil_;
  std::vector<NativeFunction> natives_;
  std::atomic<int> in_bytecode_{0}, max_in_bytecode_{0};
};

// Programs for the lab.
// Pure bytecode arithmetic: `iterations` rounds of acc = (acc * 31 + i) % 1000003.
Program cpu_bound_program(std::int64_t iterations);
// `requests` blocking waits of `wait_us` microseconds each (a client waiting for a server).
Program io_bound_program(std::int64_t requests, std::int64_t wait_us);
// One call of native function `id` with `argument`.
Program native_program(int id, std::int64_t argument);
// The value cpu_bound_program(iterations) returns, computed directly (for tests).
std::int64_t cpu_bound_result(std::int64_t iterations);

}  // namespace hpc::lab02
