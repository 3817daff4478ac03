#include "hpc/timing.hpp"

#include <malloc.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

#include "hpc/busy.hpp"

namespace hpc {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double time_repeated(const std::function<void()>& fn, int repetitions);

int repetitions_for(double once, double min_seconds) {
  return once >= min_seconds ? 1 : static_cast<int>(std::ceil(min_seconds / std::max(once, 1e-9)));
}

constexpr int kMinPairs = 3;
constexpr double kIdleRunnerTicks = 0.03;  // 3 clock ticks: what /proc can tell apart from nothing
constexpr double kIdleRunnerShare = 0.05;
const Clock::time_point kProgramStart = Clock::now();

// (ppid, utime + stime in clock ticks) of one /proc/<pid>/stat line; the name in (...) may hold spaces.
bool read_stat(const std::filesystem::path& stat, long& ppid, double& ticks) {
  std::ifstream in(stat);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto close = text.rfind(')');
  if (close == std::string::npos) return false;
  std::istringstream fields(text.substr(close + 2));
  std::string field;
  long utime = 0, stime = 0;
  for (int i = 3; fields >> field; ++i) {  // field 3 is the state
    if (i == 4) ppid = std::stol(field);
    if (i == 14) utime = std::stol(field);
    if (i == 15) {
      stime = std::stol(field);
      ticks = static_cast<double>(utime + stime);
      return true;
    }
  }
  return false;
}

}  // namespace

double seconds_since_program_start() { return seconds_since(kProgramStart); }

namespace {
double positive_seconds_from(const char* variable) {
  const char* text = std::getenv(variable);
  const double seconds = text ? std::atof(text) : 0.0;
  return seconds > 0 ? seconds : std::numeric_limits<double>::infinity();
}
}  // namespace

double time_budget_left_seconds() {
  static const double budget = positive_seconds_from("HPC_PERF_BUDGET_S");
  return budget - seconds_since_program_start();
}

double time_limit_seconds() {
  static const double limit = positive_seconds_from("HPC_TIME_LIMIT_S");
  return limit;
}

bool time_budget_spent() { return time_budget_left_seconds() <= 0; }

namespace {
struct OwnProcess {
  long pid, uid;
};
std::vector<OwnProcess>& own_processes() {
  static auto* processes = new std::vector<OwnProcess>;  // never destroyed: used by other statics' destructors
  return *processes;
}
thread_local double untimed_seconds = 0;  // inside UntimedScopes so far (this thread)
thread_local std::string distrust;        // distrust_timing()'s reason during the current sample
}  // namespace

UntimedScope::UntimedScope() : start_(seconds_since(kProgramStart)) {}
UntimedScope::~UntimedScope() { untimed_seconds += seconds_since(kProgramStart) - start_; }

void distrust_timing(const std::string& why) {
  if (distrust.empty()) distrust = why;
}

void count_as_own(long pid, long uid) { own_processes().push_back({pid, uid}); }

void stop_counting_as_own(long pid) {
  std::erase_if(own_processes(), [pid](const OwnProcess& p) { return p.pid == pid; });
}

namespace {
// CPU seconds (in clock ticks, from /proc) of the processes counted as own and their descendants,
// and, with `with_tree`, of this process's descendants too (not of this process itself).
double counted_ticks(bool with_tree) {
  std::multimap<long, std::pair<long, double>> children;  // ppid -> (pid, ticks)
  std::map<long, double> ticks_of;                        // pid -> ticks
  std::map<long, long> uid_of;                            // pid -> uid
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    long ppid = 0;
    double ticks = 0;
    struct stat info {};
    try {
      if (!read_stat(entry.path() / "stat", ppid, ticks)) continue;
      const long pid = std::stol(name);
      children.emplace(ppid, std::make_pair(pid, ticks));
      ticks_of[pid] = ticks;
      if (!own_processes().empty() && ::stat(entry.path().c_str(), &info) == 0) uid_of[pid] = info.st_uid;
    } catch (const std::exception&) {  // a process that ended while we read it
    }
  }
  const long self = getpid();
  std::set<long> counted{self};
  std::vector<long> roots;
  for (const auto& p : own_processes()) {
    if (p.uid >= 0 && p.uid != static_cast<long>(getuid())) {  // a sandbox uid of its own: all of it
      for (const auto& [pid, uid] : uid_of) {
        if (uid == p.uid && counted.insert(pid).second) roots.push_back(pid);
      }
    } else if (counted.insert(p.pid).second) {
      roots.push_back(p.pid);
    }
  }
  double ticks = 0;
  for (const long pid : roots) ticks += ticks_of.count(pid) ? ticks_of[pid] : 0;
  std::vector<long> todo = roots;
  if (with_tree) todo.push_back(self);
  while (!todo.empty()) {
    const long parent = todo.back();
    todo.pop_back();
    for (auto [it, end] = children.equal_range(parent); it != end; ++it) {
      if (!counted.insert(it->second.first).second) continue;
      ticks += it->second.second;
      todo.push_back(it->second.first);
    }
  }
  return ticks;
}
}  // namespace

double cpu_seconds_of_process_tree() {
  timespec own{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &own);
  const double seconds = static_cast<double>(own.tv_sec) + 1e-9 * static_cast<double>(own.tv_nsec);
  return seconds + counted_ticks(true) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double cpu_seconds_counted_as_own() {
  return own_processes().empty() ? 0 : counted_ticks(false) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

namespace {
// Wall time per call, less what the calls spent inside UntimedScopes.
double time_repeated(const std::function<void()>& fn, int repetitions) {
  const double untimed_before = untimed_seconds;
  const auto start = Clock::now();
  for (int i = 0; i < repetitions; ++i) fn();
  return std::max(0.0, seconds_since(start) - (untimed_seconds - untimed_before)) / repetitions;
}
}  // namespace

double median(std::vector<double> values) {
  if (values.empty()) throw std::invalid_argument("median of an empty set");
  const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  if (values.size() % 2 == 1) return *middle;
  return (*middle + *std::max_element(values.begin(), middle)) / 2;
}

double time_call(const std::function<void()>& fn, double min_seconds) {
  const auto start = Clock::now();
  fn();
  return time_repeated(fn, repetitions_for(seconds_since(start), min_seconds));
}

Comparison compare_interleaved_samples(const std::function<double(Side, int)>& timed_sample,
                                       const TimingOptions& options) {
  if (options.pairs < 1) throw std::invalid_argument("compare_interleaved needs at least one pair");
  const auto sample = [&](Side side, int repetitions) {
    if (options.before_sample) options.before_sample(side);
    return timed_sample(side, repetitions);
  };
  const bool checked = static_cast<bool>(options.vary);
  if (checked) options.vary(-1);
  for (int i = 0; i < options.warmup_calls; ++i) {
    sample(Side::baseline, 1);
    sample(Side::candidate, 1);
  }
  // Checked timing times single calls: repeating one on the same inputs would let it remember.
  const int baseline_reps = checked ? 1 : repetitions_for(sample(Side::baseline, 1), options.min_sample_seconds);
  const int candidate_reps = checked ? 1 : repetitions_for(sample(Side::candidate, 1), options.min_sample_seconds);

  std::vector<double> ratios, baseline_times, candidate_times;
  Comparison result;
  for (int pair = 0; pair < options.pairs; ++pair) {
    if (pair > 0 && time_budget_spent()) {  // see time_budget_spent()
      result.complete = pair >= kMinPairs;
      break;
    }
    if (checked) options.vary(pair);
    // Alternate which side goes first so that neither always inherits the other's warm caches.
    double b, c;
    if (pair % 2 == 0) {
      b = sample(Side::baseline, baseline_reps);
      c = sample(Side::candidate, candidate_reps);
    } else {
      c = sample(Side::candidate, candidate_reps);
      b = sample(Side::baseline, baseline_reps);
    }
    if (checked && options.same && !options.same() && result.wrong_pair < 0) result.wrong_pair = pair;
    if (std::getenv("HPC_TIMING_TRACE")) {  // an instructor's look at every pair
      std::fprintf(stderr, "[ TIMING   ] pair %d: baseline %.3f ms, candidate %.3f ms, ratio %.3f\n", pair, 1e3 * b,
                   1e3 * c, b / std::max(c, 1e-12));
    }
    baseline_times.push_back(b);
    candidate_times.push_back(c);
    ratios.push_back(b / std::max(c, 1e-12));
  }
  result.pairs = static_cast<int>(ratios.size());
  result.speedup = median(ratios);
  result.baseline_seconds = median(baseline_times);
  result.candidate_seconds = median(candidate_times);
  const auto [lo, hi] = std::minmax_element(ratios.begin(), ratios.end());
  result.spread = (*hi - *lo) / result.speedup;
  return result;
}

Comparison compare_interleaved(const std::function<void()>& baseline, const std::function<void()>& candidate,
                               const TimingOptions& options) {
  double candidate_cpu = 0, candidate_wall = 0;
  double other[2] = {0, 0}, wall[2] = {0, 0};  // other processes' CPU seconds and wall seconds, per side
  std::string untrusted;
  double runner_cpu = 0, baseline_wall = 0;  // processes counted as own (a remote runner) vs the baseline
  Comparison result = compare_interleaved_samples(
      [&](Side side, int repetitions) {
        distrust.clear();
        const OtherProcessesLoad others;
        const double cpu_before = side == Side::candidate ? cpu_seconds_of_process_tree() : 0;
        const double counted_before = side == Side::baseline ? cpu_seconds_counted_as_own() : 0;
        const auto start = Clock::now();
        const double per_call = time_repeated(side == Side::baseline ? baseline : candidate, repetitions);
        const double elapsed = seconds_since(start);
        if (side == Side::candidate) {
          candidate_wall += elapsed;
          candidate_cpu += cpu_seconds_of_process_tree() - cpu_before;
        } else {
          baseline_wall += elapsed;
          runner_cpu += cpu_seconds_counted_as_own() - counted_before;
        }
        const auto [other_seconds, wall_seconds] = others.other_and_wall_seconds();
        other[static_cast<int>(side)] += other_seconds;
        wall[static_cast<int>(side)] += wall_seconds;
        if (untrusted.empty()) untrusted = distrust;
        return per_call;
      },
      options);
  result.untrusted = untrusted;
  // A runner is only called for the candidate's samples: CPU time it takes while the baseline is
  // timed (beyond a few clock ticks of threads winding down) competes with the baseline.
  if (result.untrusted.empty() && runner_cpu > kIdleRunnerTicks + kIdleRunnerShare * baseline_wall) {
    result.untrusted = "the process running your code used " + std::to_string(runner_cpu) +
                       " s of CPU time while the baseline was timed (" + std::to_string(baseline_wall) +
                       " s): it may only work when it is called";
  }
  result.candidate_cpu_ratio = candidate_wall > 0 ? candidate_cpu / candidate_wall : 0;
  for (int side = 0; side < 2; ++side) {
    if (wall[side] >= 0.05) result.other_cores = std::max({result.other_cores, 0.0, other[side] / wall[side]});
  }
  return result;
}

void settle_allocator() {
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  std::thread([] {}).join();
}

void spin_for(double seconds) {
  const auto start = Clock::now();
  while (seconds_since(start) < seconds) {
  }
}

}  // namespace hpc
