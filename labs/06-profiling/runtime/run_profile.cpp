// Given: a program's run as the operating system sees it (lab06/bottlenecks.hpp). The child is
// sampled from /proc every 10 ms while it runs; its CPU times and context switches come from
// wait4 when it ends, exact.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

#include "hpc/machine.hpp"
#include "lab06/bottlenecks.hpp"

namespace hpc::lab06 {

namespace {

constexpr auto kSampleEvery = std::chrono::milliseconds(10);
constexpr double kGiveUpAfterSeconds = 60;

// A /proc file's text, read with plain system calls: "" when it cannot be read. Threads end and
// processes exit between a directory listing and the read (the read then fails with ESRCH), and
// std::ifstream's buffer throws on a failed read when it is read through an iterator.
std::string proc_text(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return "";
  std::string text;
  char buffer[4096];
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<std::size_t>(n));
  ::close(fd);
  return text;
}

// The value after `key` in a /proc file of "key: value" lines, or -1.
long long field(const std::string& path, const std::string& key) {
  std::istringstream in(proc_text(path));
  for (std::string line; std::getline(in, line);)
    if (line.compare(0, key.size(), key) == 0) return std::stoll(line.substr(key.size()));
  return -1;
}

// utime + stime of one thread, in seconds (fields 14 and 15 of its stat, after the name's ')'),
// or -1 when the thread has gone.
double thread_cpu(const std::string& stat_path) {
  const std::string text = proc_text(stat_path);
  const auto close = text.rfind(')');
  if (close == std::string::npos || close + 2 > text.size()) return -1;
  std::istringstream rest(text.substr(close + 2));
  std::string skip;
  for (int i = 3; i < 14; ++i) rest >> skip;
  double utime = 0, stime = 0;
  if (!(rest >> utime >> stime)) return -1;
  return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

void sample_threads(pid_t pid, std::map<long, double>& cpu_by_tid) {
  const std::string tasks = "/proc/" + std::to_string(pid) + "/task";
  DIR* dir = opendir(tasks.c_str());
  if (dir == nullptr) return;
  while (const dirent* entry = readdir(dir)) {
    if (entry->d_name[0] == '.') continue;
    const double cpu = thread_cpu(tasks + "/" + entry->d_name + "/stat");
    if (cpu >= 0) cpu_by_tid[std::stol(entry->d_name)] = cpu;
  }
  closedir(dir);
}

void sample_io(pid_t pid, RunProfile& run) {
  const std::string io = "/proc/" + std::to_string(pid) + "/io";
  const long long read = field(io, "rchar:"), written = field(io, "wchar:");
  if (read >= 0) run.read_bytes = static_cast<std::uint64_t>(read);
  if (written >= 0) run.write_bytes = static_cast<std::uint64_t>(written);
}

bool exited(pid_t pid) {  // without reaping it: its /proc entries stay readable
  siginfo_t info{};
  return waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid;
}

}  // namespace

RunProfile profile_run(const std::function<void()>& program) {
  RunProfile run;
  run.cores = hpc::usable_cores();
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error(std::string("profile_run: fork failed: ") + std::strerror(errno));
  if (pid == 0) {
    try {
      program();
    } catch (...) {
      _exit(3);
    }
    _exit(0);
  }
  const std::string status = "/proc/" + std::to_string(pid) + "/status";
  std::map<long, double> cpu_by_tid;
  for (auto next = start + kSampleEvery;; next += kSampleEvery) {
    const bool done = exited(pid);
    sample_io(pid, run);
    if (done) break;
    const long long rss_kib = field(status, "VmRSS:"), threads = field(status, "Threads:");
    if (rss_kib >= 0) run.rss_mib.push_back(static_cast<double>(rss_kib) / 1024.0);
    if (threads > run.threads) run.threads = static_cast<int>(threads);
    sample_threads(pid, cpu_by_tid);
    if (std::chrono::steady_clock::now() - start > std::chrono::duration<double>(kGiveUpAfterSeconds)) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
      throw std::runtime_error("profile_run: the program ran for over a minute: killed");
    }
    std::this_thread::sleep_until(next);
  }
  int wait_status = 0;
  rusage usage{};
  if (wait4(pid, &wait_status, 0, &usage) != pid)
    throw std::runtime_error(std::string("profile_run: wait4 failed: ") + std::strerror(errno));
  run.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!WIFEXITED(wait_status) || WEXITSTATUS(wait_status) != 0)
    throw std::runtime_error("profile_run: the program did not exit normally (status " + std::to_string(wait_status) +
                             ")");
  run.user_seconds = static_cast<double>(usage.ru_utime.tv_sec) + 1e-6 * static_cast<double>(usage.ru_utime.tv_usec);
  run.system_seconds = static_cast<double>(usage.ru_stime.tv_sec) + 1e-6 * static_cast<double>(usage.ru_stime.tv_usec);
  run.voluntary_switches = static_cast<std::uint64_t>(usage.ru_nvcsw);
  run.involuntary_switches = static_cast<std::uint64_t>(usage.ru_nivcsw);
  for (const auto& [tid, cpu] : cpu_by_tid) run.thread_cpu_seconds.push_back(cpu);
  return run;
}

std::string describe(const RunProfile& run) {
  const double wall = std::max(run.wall_seconds, 1e-9);
  const auto& rss = run.rss_mib;
  char text[320];
  std::snprintf(
      text, sizeof text,
      "wall %.2f s, cpu %.2f s (user %.2f), %d threads, %.0f voluntary and %.0f involuntary switches/s, "
      "I/O %.1f MB/s, RSS at 50%%/90%%/max %.1f/%.1f/%.1f MiB",
      run.wall_seconds, run.user_seconds + run.system_seconds, run.user_seconds, run.threads,
      static_cast<double>(run.voluntary_switches) / wall, static_cast<double>(run.involuntary_switches) / wall,
      static_cast<double>(run.read_bytes + run.write_bytes) / wall / 1e6, rss.empty() ? 0 : rss[rss.size() / 2],
      rss.empty() ? 0 : rss[(rss.size() - 1) * 9 / 10], rss.empty() ? 0 : *std::max_element(rss.begin(), rss.end()));
  return text;
}

}  // namespace hpc::lab06
