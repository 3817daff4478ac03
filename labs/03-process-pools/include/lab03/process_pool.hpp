// Exercise 1b-2 and 6: a pool of worker processes, forked once, that runs named tasks on chunks
// of inputs and returns the results in input order.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "lab03/codec.hpp"

namespace hpc::lab03 {

// A task turns one input into one result. Tasks are registered by name *before* a pool is
// created: the workers are forked copies of the parent and find the task by its name, which is
// how Python's multiprocessing sends functions (pickled by name, looked up by the worker).
using Task = std::function<Bytes(const Bytes& input)>;
void register_task(const std::string& name, Task task);
// The registered task, or std::invalid_argument naming the unknown name.
const Task& find_task(const std::string& name);

enum class Schedule {
  static_blocks,  // chunk c goes to worker c * workers / chunks, decided up front
  dynamic,        // the next chunk goes to whichever worker is free
};

// Thrown by map when a task threw or its worker died; names the input.
class TaskError : public std::runtime_error {
 public:
  TaskError(std::size_t input_index, const std::string& what)
      : std::runtime_error("input " + std::to_string(input_index) + ": " + what), input_index(input_index) {}
  std::size_t input_index;
};

class ProcessPool {
 public:
  // Forks `workers` processes (at least 1) that wait for chunks.
  explicit ProcessPool(std::size_t workers);
  // Tells every worker to exit and reaps it: no zombie is left behind.
  ~ProcessPool();
  ProcessPool(const ProcessPool&) = delete;
  ProcessPool& operator=(const ProcessPool&) = delete;

  // Runs task `name` on every input, `chunksize` inputs per message, and returns the results in
  // input order. If a task throws, or a worker dies (a crash), map still collects every chunk
  // already sent, then throws TaskError naming the input (for a crash, the first input of the
  // chunk the worker held); a dead worker is replaced, so the pool stays usable.
  std::vector<Bytes> map(const std::string& name, const std::vector<Bytes>& inputs, std::size_t chunksize,
                         Schedule schedule = Schedule::dynamic);

  std::size_t size() const { return workers_.size(); }
  std::vector<pid_t> worker_pids() const;

 private:
  struct Worker {
    pid_t pid = -1;
    int to_worker = -1;    // the parent writes chunks here
    int from_worker = -1;  // and reads results here
  };
  Worker spawn();
  void retire(Worker& worker);  // close its pipes and reap it

  std::vector<Worker> workers_;
};

}  // namespace hpc::lab03
