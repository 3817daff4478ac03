// Reference solution. Each worker is a forked child with two pipes. The parent keeps at most one
// chunk in flight per worker and waits with poll() for whichever worker answers first, so a slow
// chunk never blocks the others, and no pipe can fill up in both directions (no deadlock).
//
// Messages (framed by wire::send):  parent -> worker: task name, first index, inputs...
//                                   worker -> parent: status (0 ok, 1 threw), then the results,
//                                                     or the failing input's index and what().
// Static scheduling hands worker w its own contiguous run of chunks, in order; dynamic gives the
// next chunk to whichever worker is free. A worker that dies shows up as end-of-file on its pipe.
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <stdexcept>
#include <system_error>
#include <optional>
#include <string>

#include "lab03/process_pool.hpp"
#include "lab03/wire.hpp"

namespace hpc::lab03 {
namespace {

Bytes text(const std::string& s) {
  return Bytes(reinterpret_cast<const std::byte*>(s.data()), reinterpret_cast<const std::byte*>(s.data()) + s.size());
}
std::string text(const Bytes& b) { return std::string(reinterpret_cast<const char*>(b.data()), b.size()); }

// The worker's whole life: read a chunk, run the task on each input, answer; exit at EOF.
// It must never return or throw: the child would go on running the parent's program.
[[noreturn]] void serve(int in, int out) try {
  while (auto message = wire::receive(in)) {
    wire::Reader reader(*message);
    const std::string name = text(reader.bytes());
    const std::uint64_t first = reader.u64();
    Bytes answer;
    std::uint64_t index = first;
    try {
      const Task& task = find_task(name);
      Bytes results;
      for (; !reader.done(); ++index) wire::put_bytes(results, task(reader.bytes()));
      wire::put_u64(answer, 0);
      answer.insert(answer.end(), results.begin(), results.end());
    } catch (const std::exception& error) {
      answer.clear();
      wire::put_u64(answer, 1);
      wire::put_u64(answer, index);
      wire::put_bytes(answer, text(error.what()));
    }
    wire::send(out, answer);
  }
  _exit(0);
} catch (...) {
  _exit(2);  // the parent went away mid-message, or a reply could not be sent
}

std::string describe_death(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFSIGNALED(status)) return std::string("worker died: ") + strsignal(WTERMSIG(status));
  return "worker exited with code " + std::to_string(WEXITSTATUS(status));
}

}  // namespace

ProcessPool::ProcessPool(std::size_t workers) {
  // A worker that died must turn into EPIPE on write, not a SIGPIPE that kills the parent.
  signal(SIGPIPE, SIG_IGN);
  for (std::size_t i = 0; i < (workers == 0 ? 1 : workers); ++i) workers_.push_back(spawn());
}

ProcessPool::~ProcessPool() {
  for (auto& worker : workers_) retire(worker);
}

ProcessPool::Worker ProcessPool::spawn() {
  int down[2], up[2];
  if (pipe(down) != 0 || pipe(up) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    // The child keeps only its own two ends: an inherited write end of a sibling's pipe would
    // stop that sibling from ever seeing end-of-file.
    for (const auto& other : workers_) {
      close(other.to_worker);
      close(other.from_worker);
    }
    close(down[1]);
    close(up[0]);
    serve(down[0], up[1]);
  }
  close(down[0]);
  close(up[1]);
  return {pid, down[1], up[0]};
}

void ProcessPool::retire(Worker& worker) {
  if (worker.pid < 0) return;
  close(worker.to_worker);  // end-of-file: the worker's loop ends
  close(worker.from_worker);
  int status = 0;
  waitpid(worker.pid, &status, 0);
  worker.pid = -1;
}

std::vector<pid_t> ProcessPool::worker_pids() const {
  std::vector<pid_t> pids;
  for (const auto& worker : workers_) pids.push_back(worker.pid);
  return pids;
}

std::vector<Bytes> ProcessPool::map(const std::string& name, const std::vector<Bytes>& inputs, std::size_t chunksize,
                                    Schedule schedule) {
  if (chunksize == 0) chunksize = 1;
  const std::size_t chunks = (inputs.size() + chunksize - 1) / chunksize;
  const std::size_t n = workers_.size();
  // Per worker, the chunks it may take: its own block (static) or one shared queue (dynamic).
  std::vector<std::deque<std::size_t>> queues(schedule == Schedule::static_blocks ? n : 1);
  for (std::size_t c = 0; c < chunks; ++c)
    queues[schedule == Schedule::static_blocks ? c * n / chunks : 0].push_back(c);
  const auto queue_of = [&](std::size_t w) -> std::deque<std::size_t>& { return queues[queues.size() == 1 ? 0 : w]; };

  std::vector<Bytes> results(inputs.size());
  std::vector<std::optional<std::size_t>> in_flight(n);  // the chunk each worker holds
  std::optional<TaskError> failure;
  const auto dispatch = [&](std::size_t w) {
    auto& queue = queue_of(w);
    if (failure || queue.empty()) return;
    const std::size_t c = queue.front();
    queue.pop_front();
    Bytes message;
    wire::put_bytes(message, text(name));
    wire::put_u64(message, c * chunksize);
    for (std::size_t i = c * chunksize; i < std::min(inputs.size(), (c + 1) * chunksize); ++i) {
      wire::put_bytes(message, inputs[i]);
    }
    in_flight[w] = c;
    try {
      wire::send(workers_[w].to_worker, message);
    } catch (const std::system_error&) {
      // The worker is dead; its pipe's end-of-file reports it below.
    }
  };
  for (std::size_t w = 0; w < n; ++w) dispatch(w);

  for (;;) {
    std::vector<pollfd> waiting;
    std::vector<std::size_t> owner;
    for (std::size_t w = 0; w < n; ++w) {
      if (in_flight[w]) {
        waiting.push_back({workers_[w].from_worker, POLLIN, 0});
        owner.push_back(w);
      }
    }
    if (waiting.empty()) break;
    if (poll(waiting.data(), waiting.size(), -1) < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error("poll failed");
    }
    for (std::size_t k = 0; k < waiting.size(); ++k) {
      if (waiting[k].revents == 0) continue;
      const std::size_t w = owner[k];
      const std::size_t c = *in_flight[w];
      in_flight[w].reset();
      std::optional<Bytes> answer;
      try {
        answer = wire::receive(workers_[w].from_worker);
      } catch (const std::system_error&) {
      }
      if (!answer) {  // the worker died: report its chunk, put a fresh worker in its place
        const std::string why = describe_death(workers_[w].pid);
        close(workers_[w].to_worker);
        close(workers_[w].from_worker);
        workers_[w] = spawn();
        if (!failure) failure.emplace(c * chunksize, why + " (in the chunk starting at this input)");
        continue;
      }
      wire::Reader reader(*answer);
      if (reader.u64() != 0) {
        const std::size_t index = reader.u64();
        if (!failure) failure.emplace(index, "task '" + name + "' threw: " + text(reader.bytes()));
      } else {
        for (std::size_t i = c * chunksize; !reader.done(); ++i) results[i] = reader.bytes();
      }
      dispatch(w);
    }
  }
  if (failure) throw *failure;
  return results;
}

}  // namespace hpc::lab03
