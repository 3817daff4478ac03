#include "lab02/interpreter.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

namespace hpc::lab02 {
namespace {

// Marks the calling thread as executing bytecode, to check the GIL's mutual exclusion.
class BytecodeSection {
 public:
  BytecodeSection(std::atomic<int>& count, std::atomic<int>& max) : count_(count) {
    const int now = ++count_;
    int seen = max.load();
    while (now > seen && !max.compare_exchange_weak(seen, now)) {
    }
  }
  ~BytecodeSection() { --count_; }

 private:
  std::atomic<int>& count_;
};

}  // namespace

int Interpreter::register_native(NativeFunction function) {
  natives_.push_back(std::move(function));
  return static_cast<int>(natives_.size()) - 1;
}

std::int64_t Interpreter::run(const Program& program) {
  std::vector<std::int64_t> stack;
  std::int64_t locals[kLocals] = {};
  const auto pop = [&] {
    if (stack.empty()) throw std::runtime_error("bytecode popped an empty stack");
    const std::int64_t v = stack.back();
    stack.pop_back();
    return v;
  };
  const auto local = [&](std::int64_t index) -> std::int64_t& {
    if (index < 0 || index >= kLocals) throw std::runtime_error("bad local " + std::to_string(index));
    return locals[index];
  };

  gil_.acquire();
  struct Releaser {  // releases the GIL however run() ends
    Gil& gil;
    ~Releaser() { gil.release(); }
  } releaser{gil_};

  std::size_t pc = 0;
  int until_check = kCheckInterval;
  for (;;) {
    if (--until_check == 0) {
      until_check = kCheckInterval;
      if (gil_.drop_requested()) gil_.yield();
    }
    if (pc >= program.size()) throw std::runtime_error("bytecode ran past its end");
    const Instruction ins = program[pc++];
    // Instructions that may release the GIL are not bytecode execution while they wait.
    const bool may_release = ins.op == Op::sleep_us || ins.op == Op::read_fd || ins.op == Op::call_native;
    std::optional<BytecodeSection> section;
    if (!may_release) section.emplace(in_bytecode_, max_in_bytecode_);
    switch (ins.op) {
      case Op::push:
        stack.push_back(ins.arg);
        break;
      case Op::load:
        stack.push_back(local(ins.arg));
        break;
      case Op::store:
        local(ins.arg) = pop();
        break;
      case Op::add: {
        const auto b = pop(), a = pop();
        stack.push_back(a + b);
        break;
      }
      case Op::sub: {
        const auto b = pop(), a = pop();
        stack.push_back(a - b);
        break;
      }
      case Op::mul: {
        const auto b = pop(), a = pop();
        stack.push_back(a * b);
        break;
      }
      case Op::mod: {
        const auto b = pop(), a = pop();
        if (b == 0) throw std::runtime_error("bytecode divided by zero");
        stack.push_back(a % b);
        break;
      }
      case Op::jump:
        pc = static_cast<std::size_t>(ins.arg);
        break;
      case Op::jump_if_zero:
        if (pop() == 0) pc = static_cast<std::size_t>(ins.arg);
        break;
      case Op::sleep_us: {
        GilRelease unlocked(gil_);
        std::this_thread::sleep_for(std::chrono::microseconds(ins.arg));
        break;
      }
      case Op::read_fd: {
        unsigned char byte = 0;
        ssize_t got;
        {
          GilRelease unlocked(gil_);
          got = ::read(static_cast<int>(ins.arg), &byte, 1);
        }
        stack.push_back(got == 1 ? byte : -1);
        break;
      }
      case Op::call_native: {
        if (ins.arg < 0 || ins.arg >= static_cast<std::int64_t>(natives_.size())) {
          throw std::runtime_error("unknown native function " + std::to_string(ins.arg));
        }
        const auto x = pop();
        stack.push_back(natives_[static_cast<std::size_t>(ins.arg)](gil_, x));
        break;
      }
      case Op::halt:
        return stack.empty() ? 0 : stack.back();
    }
  }
}

Program cpu_bound_program(std::int64_t iterations) {
  // locals: 0 = i (counts down to 0), 1 = acc
  return {
      /* 0 */ {Op::push, iterations},
      {Op::store, 0},
      /* 2 */ {Op::push, 0},
      {Op::store, 1},
      /* 4 */ {Op::load, 0},
      {Op::jump_if_zero, 19},  // loop while i != 0
      /* 6 */ {Op::load, 1},
      {Op::push, 31},
      {Op::mul},
      /* 9 */ {Op::load, 0},
      {Op::add},
      /* 11 */ {Op::push, 1000003},
      {Op::mod},
      {Op::store, 1},  // acc = (acc*31 + i) % p
      /* 14 */ {Op::load, 0},
      {Op::push, 1},
      {Op::sub},
      {Op::store, 0},  // i -= 1
      /* 18 */ {Op::jump, 4},
      /* 19 */ {Op::load, 1},
      {Op::halt},
  };
}

std::int64_t cpu_bound_result(std::int64_t iterations) {
  std::int64_t acc = 0;
  for (std::int64_t i = iterations; i != 0; --i) acc = (acc * 31 + i) % 1000003;
  return acc;
}

Program io_bound_program(std::int64_t requests, std::int64_t wait_us) {
  return {
      /* 0 */ {Op::push, requests},
      {Op::store, 0},
      /* 2 */ {Op::load, 0},
      {Op::jump_if_zero, 10},
      /* 4 */ {Op::sleep_us, wait_us},
      /* 5 */ {Op::load, 0},
      {Op::push, 1},
      {Op::sub},
      {Op::store, 0},
      /* 9 */ {Op::jump, 2},
      /* 10 */ {Op::push, requests},
      {Op::halt},  // the number of requests served
  };
}

Program native_program(int id, std::int64_t argument) {
  return {{Op::push, argument}, {Op::call_native, id}, {Op::halt}};
}

}  // namespace hpc::lab02
