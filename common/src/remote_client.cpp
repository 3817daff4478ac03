// The caller's side of remote calls (hpc/remote.hpp): starts the runner, moves the arguments and
// results through shared regions, times the run, and turns the runner's failures into exceptions.
#include <fcntl.h>
#include <omp.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <new>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "hpc/remote.hpp"
#include "remote_channel.hpp"

extern char** environ;

namespace hpc::remote {
namespace {

using wire::Kind;
using wire::Message;
using wire::Thrown;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// An untimed step moves bytes; it may take as long as a slow copy of them on a busy machine (a
// scheduler slice or two, plus 10 ns a byte: twenty times a memcpy), not longer.
double copy_allowance(std::size_t bytes) { return 0.05 + 1e-8 * static_cast<double>(bytes); }

[[noreturn]] void rethrow(const Message& failed) {
  const std::string what = failed.text;
  switch (failed.thrown) {
    case Thrown::invalid_argument:
      throw std::invalid_argument(what);
    case Thrown::domain_error:
      throw std::domain_error(what);
    case Thrown::length_error:
      throw std::length_error(what);
    case Thrown::out_of_range:
      throw std::out_of_range(what);
    case Thrown::logic_error:
      throw std::logic_error(what);
    case Thrown::range_error:
      throw std::range_error(what);
    case Thrown::overflow_error:
      throw std::overflow_error(what);
    case Thrown::underflow_error:
      throw std::underflow_error(what);
    case Thrown::bad_alloc:
      throw std::bad_alloc();
    case Thrown::protocol:
      throw ProtocolError("the runner could not serve the call: " + what);
    default:
      throw std::runtime_error(what);
  }
}

std::string describe_status(int status) {
  if (WIFEXITED(status)) return "exited with code " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    const char* name = sigabbrev_np(sig);
    return "was killed by signal " + std::to_string(sig) + " (SIG" + (name ? name : "?") + ")";
  }
  return "ended";
}

// Text messages (and one fd) with the grader's runner broker (grader/runner_broker.py).
std::string broker_exchange(int broker, const std::string& request, int* fd) {
  if (::send(broker, request.data(), request.size(), MSG_NOSIGNAL) < 0) {
    throw RunnerEnded("cannot reach the grader to start the runner");
  }
  char text[512] = {};
  iovec data{text, sizeof text - 1};
  msghdr header{};
  header.msg_iov = &data;
  header.msg_iovlen = 1;
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
  header.msg_control = control;
  header.msg_controllen = sizeof control;
  ssize_t got;
  do {
    got = recvmsg(broker, &header, MSG_CMSG_CLOEXEC);
  } while (got < 0 && errno == EINTR);
  if (got <= 0) throw RunnerEnded("the grader did not answer a request for the runner");
  for (cmsghdr* c = CMSG_FIRSTHDR(&header); c; c = CMSG_NXTHDR(&header, c)) {
    if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS && fd) std::memcpy(fd, CMSG_DATA(c), sizeof *fd);
  }
  return std::string(text, static_cast<std::size_t>(got));
}

std::string runner_program() {
  if (const char* given = std::getenv("HPC_RUNNER_PROGRAM")) return given;
  return (std::filesystem::read_symlink("/proc/self/exe").parent_path() / "runner").string();
}

// Every OutputArray of this process: its region, and the runner (by start count) given it.
struct Shared {
  wire::Region region;
  int given_to = -1;
};
std::map<std::uint32_t, Shared>& shared_arrays() {
  static std::map<std::uint32_t, Shared> arrays;
  return arrays;
}

class Session {
 public:
  ~Session() { stop(); }

  void unshare(std::uint32_t id) {
    auto found = shared_arrays().find(id);
    if (found == shared_arrays().end()) return;
    if (socket_ >= 0 && found->second.given_to == starts_) {
      Message forget;
      forget.kind = Kind::unshare;
      forget.id = id;
      wire::send(socket_, forget);
    }
    shared_arrays().erase(found);
  }

  std::byte* argument_region(std::size_t bytes, std::size_t& capacity) {
    if (bytes > arguments_.size()) {
      arguments_.create(bytes + bytes / 2, "hpc-remote-arguments");
      arguments_given_ = false;
    }
    capacity = arguments_.size();
    return arguments_.data();
  }

  std::pair<std::byte*, std::size_t> invoke(const char* function, const char* signature, std::size_t bytes,
                                            const std::vector<std::uint32_t>& shared_used) {
    report = {};
    report.argument_bytes = bytes;
    Message call;
    call.kind = Kind::call;
    call.bytes = bytes;
    call.set_text(call.function, sizeof call.function, function);
    call.set_text(call.signature, sizeof call.signature, signature);
    {
      const UntimedScope untimed;
      if (socket_ < 0) start();
      const auto prepare_start = Clock::now();
      give_shared_arrays(shared_used);
      call.capacity = arguments_.size();
      exchange(call, arguments_given_ ? -1 : arguments_.fd(), Kind::ready, "taking its arguments");
      arguments_given_ = true;
      report.prepare_seconds = seconds_since(prepare_start);
    }
    Message run;
    run.kind = Kind::run;
    run.threads = static_cast<std::uint32_t>(omp_get_max_threads());
    const auto run_start = Clock::now();
    const Message done = exchange(run, -1, Kind::done, "the call");  // the timed step
    report.run_seconds = seconds_since(run_start);
    report.allocated_bytes = done.bytes;

    const UntimedScope untimed;
    const auto fetch_start = Clock::now();
    Message fetch;
    fetch.kind = Kind::fetch;
    int region = -1;
    const Message result = exchange(fetch, -1, Kind::result, "handing back its result", &region);
    if (region >= 0) {
      // A region the runner could still shrink would crash this process when read: refused.
      if ((fcntl(region, F_GET_SEALS) & F_SEAL_SHRINK) == 0) {
        close(region);
        throw ProtocolError("the runner's result region is not sealed against shrinking");
      }
      results_.adopt(region, result.capacity, false);
    }
    if (result.bytes > results_.size()) throw ProtocolError("the runner's result runs past its region");
    report.fetch_seconds = seconds_since(fetch_start);
    report.result_bytes = result.bytes;
    check_untimed_steps(function);
    return {results_.data(), result.bytes};
  }

  CallReport report;

 private:
  void check_untimed_steps(const char* function) {
    if (report.prepare_seconds > copy_allowance(report.argument_bytes)) {
      distrust_timing(std::string("the runner took ") + std::to_string(report.prepare_seconds) + " s to take " +
                      function + "'s arguments, longer than copying them takes");
    }
    // (The runner copies writable spans back before it encodes the result: at most the arguments.)
    if (report.fetch_seconds > copy_allowance(report.result_bytes + report.argument_bytes)) {
      distrust_timing(std::string("the runner took ") + std::to_string(report.fetch_seconds) + " s to hand back " +
                      function + "'s result, longer than copying it takes");
    }
  }

  void give_shared_arrays(const std::vector<std::uint32_t>& ids) {
    for (const std::uint32_t id : ids) {
      Shared& array = shared_arrays().at(id);
      if (array.given_to == starts_) continue;
      Message share;
      share.kind = Kind::share;
      share.id = id;
      share.capacity = array.region.size();
      if (!wire::send(socket_, share, array.region.fd())) ended("taking shared memory");
      array.given_to = starts_;
    }
  }

  // Sends `request` and receives the reply, which must be `expected` (or FAILED: rethrown).
  Message exchange(const Message& request, int fd, Kind expected, const char* during, int* reply_fd = nullptr) {
    Message reply;
    int received = -1;
    if (!wire::send(socket_, request, fd) || !wire::receive(socket_, reply, received)) ended(during);
    if (reply_fd) {
      *reply_fd = received;
    } else if (received >= 0) {
      close(received);
    }
    if (reply.kind == Kind::failed) {
      if (reply.thrown == Thrown::protocol) stop();
      rethrow(reply);
    }
    if (reply.kind != expected) {
      stop();
      throw ProtocolError(std::string("the runner answered out of turn during ") + during);
    }
    return reply;
  }

  void start() {
    ++starts_;
    arguments_given_ = false;
    results_.release();
    if (const char* broker = std::getenv("HPC_RUNNER_BROKER_FD")) {
      broker_ = std::atoi(broker);
      int fd = -1;
      const std::string answer = broker_exchange(broker_, "start", &fd);
      if (fd < 0) throw RunnerEnded("the grader could not start the runner: " + answer);
      long pid = -1, uid = -1;
      std::sscanf(answer.c_str(), "pid=%ld uid=%ld", &pid, &uid);
      socket_ = fd;
      pid_ = static_cast<pid_t>(pid);
      count_as_own(pid_, uid);
      return;
    }
    int pair[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) != 0) throw RunnerEnded("socketpair failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pair[1], 3);  // dup2 clears close-on-exec
    // The runner gets this environment but the seed: student code has no use for it.
    std::vector<char*> environment;
    for (char** e = environ; *e; ++e) {
      if (std::strncmp(*e, "HPC_SEED=", 9) != 0) environment.push_back(*e);
    }
    environment.push_back(nullptr);
    const std::string program = runner_program();
    char* argv[] = {const_cast<char*>(program.c_str()), nullptr};
    const int failed = posix_spawn(&pid_, program.c_str(), &actions, nullptr, argv, environment.data());
    posix_spawn_file_actions_destroy(&actions);
    close(pair[1]);
    if (failed != 0) {
      close(pair[0]);
      throw RunnerEnded("cannot start the runner " + program + ": " + std::strerror(failed));
    }
    socket_ = pair[0];
    child_ = true;
    count_as_own(pid_);
  }

  // The runner hung up: how it ended, then a fresh one for the next call.
  [[noreturn]] void ended(const char* during) {
    std::string how = "ended";
    if (child_) {
      int status = 0;
      for (int i = 0; i < 200 && waitpid(pid_, &status, WNOHANG) == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
      if (waitpid(pid_, &status, WNOHANG) == 0) {  // it closed the socket but lives on
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
      }
      how = describe_status(status);
      child_ = false;
    } else if (broker_ >= 0) {
      how = broker_exchange(broker_, "status " + std::to_string(pid_), nullptr);
    }
    stop();
    throw RunnerEnded("the process running your code " + how + " during " + during);
  }

  void stop() {
    if (socket_ >= 0) close(socket_);
    socket_ = -1;
    if (child_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
      child_ = false;
    }
    if (pid_ > 0) stop_counting_as_own(pid_);
    pid_ = -1;
    arguments_given_ = false;
    results_.release();
  }

  int socket_ = -1, broker_ = -1, starts_ = 0;
  pid_t pid_ = -1;
  bool child_ = false, arguments_given_ = false;
  wire::Region arguments_, results_;
};

Session& session() {
  static Session instance;
  return instance;
}

}  // namespace

const CallReport& last_call() { return session().report; }

namespace {
std::uint32_t next_shared_id = 1;
}

SharedBytes::SharedBytes(std::size_t bytes) : id_(next_shared_id++) {
  Shared& array = shared_arrays()[id_];
  array.region.create(bytes, "hpc-remote-output");
  data_ = array.region.data();
}

SharedBytes::~SharedBytes() { session().unshare(id_); }

namespace detail {

bool find_shared(const void* data, std::size_t bytes, SharedPlace& place) {
  const auto* begin = static_cast<const std::byte*>(data);
  for (const auto& [id, array] : shared_arrays()) {
    const std::byte* base = array.region.data();
    if (begin >= base && begin + bytes <= base + array.region.size()) {
      place = {id, static_cast<std::uint64_t>(begin - base)};
      return true;
    }
  }
  return false;
}

std::byte* argument_region(std::size_t bytes, std::size_t& capacity) {
  return session().argument_region(bytes, capacity);
}

std::pair<std::byte*, std::size_t> invoke(const char* function, const char* signature, std::size_t argument_bytes,
                                          const std::vector<std::uint32_t>& shared_used) {
  return session().invoke(function, signature, argument_bytes, shared_used);
}

}  // namespace detail
}  // namespace hpc::remote
