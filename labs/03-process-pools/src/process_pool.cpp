// Exercises 1b, 2 and 6 — the process pool. Graded by test_process_pool (order, chunking, both
// schedules, reuse, exceptions and crashes, no zombies) and perf_pool (scaling; dynamic beats
// static on uneven tasks). Read lab03/process_pool.hpp and lab03/wire.hpp first.
#include "hpc/todo.hpp"
#include "lab03/process_pool.hpp"
#include "lab03/wire.hpp"

namespace hpc::lab03 {

ProcessPool::ProcessPool(std::size_t workers) {
  // TODO(student): ignore SIGPIPE (a dead worker must make write() fail, not kill the parent),
  // then spawn() max(workers, 1) workers.
}

ProcessPool::~ProcessPool() {
  // TODO(student): retire() every worker.
}

ProcessPool::Worker ProcessPool::spawn() {
  // TODO(student): two pipes (parent -> worker, worker -> parent), fork(). In the child: close
  // every other worker's pipe ends (or siblings never see end-of-file) and this pair's unused
  // ends, then loop: wire::receive a chunk, find_task(name), run it on each input, wire::send
  // the results (or, if a task throws, the index of its input and e.what()); at end of file
  // _exit(0). The child must never return from spawn() or let an exception escape: _exit.
  // In the parent: close the child's ends and return {pid, write end, read end}.
  hpc::todo("ProcessPool::spawn");
}

void ProcessPool::retire(Worker& worker) {
  // TODO(student): close both pipe ends (the worker sees end of file and exits), then waitpid.
}

std::vector<pid_t> ProcessPool::worker_pids() const {
  std::vector<pid_t> pids;
  for (const auto& worker : workers_) pids.push_back(worker.pid);
  return pids;
}

std::vector<Bytes> ProcessPool::map(const std::string& name, const std::vector<Bytes>& inputs, std::size_t chunksize,
                                    Schedule schedule) {
  // TODO(student): cut the inputs into chunks of `chunksize`. Keep one chunk in flight per
  // worker; poll() the workers' read ends and, whenever one answers, store its results at their
  // input positions and send it its next chunk: static_blocks — its own contiguous share of the
  // chunks, decided up front; dynamic — the next chunk of one shared queue. End of file from a
  // worker means it died: waitpid it, spawn() a replacement, remember a TaskError for the first
  // input of its chunk. After an error, send nothing new but collect what is in flight; then throw.
  hpc::todo("ProcessPool::map");
}

}  // namespace hpc::lab03
