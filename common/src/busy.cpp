#include "hpc/busy.hpp"

#include "hpc/timing.hpp"

#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

namespace hpc {
namespace {

// Clock ticks some process spent on the CPUs this process may run on, from /proc/stat's cpuN
// lines (user nice system idle iowait irq softirq steal): all but idle and iowait is work, steal
// included (another VM's). Affinity first: on a big host a 2-CPU test cares about its 2 CPUs.
struct Work {
  double ticks = 0;
  int cpus = 0;  // 0: /proc/stat could not be read
};

Work work_on_my_cpus() {
  cpu_set_t mine;
  CPU_ZERO(&mine);
  const bool masked = sched_getaffinity(0, sizeof(mine), &mine) == 0;
  std::ifstream in("/proc/stat");
  Work work;
  for (std::string line; std::getline(in, line);) {
    if (line.size() < 4 || line.compare(0, 3, "cpu") != 0 || !std::isdigit(static_cast<unsigned char>(line[3]))) {
      continue;  // not a CPU, or the all-CPU total
    }
    int cpu = 0;
    unsigned long long f[8] = {};
    if (std::sscanf(line.c_str(), "cpu%d %llu %llu %llu %llu %llu %llu %llu %llu", &cpu, &f[0], &f[1], &f[2], &f[3],
                    &f[4], &f[5], &f[6], &f[7]) != 9) {
      continue;
    }
    if (masked && (cpu >= CPU_SETSIZE || !CPU_ISSET(cpu, &mine))) continue;
    work.ticks += static_cast<double>(f[0] + f[1] + f[2] + f[5] + f[6] + f[7]);
    ++work.cpus;
  }
  return work;
}

double own_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

}  // namespace

OtherProcessesLoad::OtherProcessesLoad() : start_(std::chrono::steady_clock::now()) {
  const Work now = work_on_my_cpus();
  ticks_ = now.ticks;
  cpus_ = now.cpus;
  own_seconds_ = cpu_seconds_of_process_tree();
}

std::pair<double, double> OtherProcessesLoad::other_and_wall_seconds() const {
  const Work now = work_on_my_cpus();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (cpus_ == 0 || now.cpus != cpus_) return {0, 0};
  const double all = (now.ticks - ticks_) / static_cast<double>(sysconf(_SC_CLK_TCK));
  return {all - (cpu_seconds_of_process_tree() - own_seconds_), seconds};
}

double OtherProcessesLoad::cores() const {
  const auto [other, seconds] = other_and_wall_seconds();
  // Below a few clock ticks the counts are mostly rounding: too short to tell.
  return seconds < 0.05 ? -1 : std::max(0.0, other / seconds);
}

std::string machine_busy_reason(std::chrono::milliseconds window) {
  // This thread sleeps through the window, and this process's own CPU time (other threads still
  // winding down) is taken out: what remains is other processes' work.
  const Work before = work_on_my_cpus();
  const double own_before = own_cpu_seconds();
  const auto start = std::chrono::steady_clock::now();
  std::this_thread::sleep_for(window);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const Work after = work_on_my_cpus();
  const double own_after = own_cpu_seconds();

  std::ostringstream why;
  why.precision(2);
  why << std::fixed;
  if (before.cpus > 0 && after.cpus == before.cpus) {
    const double others_cpu_seconds =
        (after.ticks - before.ticks) / static_cast<double>(sysconf(_SC_CLK_TCK)) - (own_after - own_before);
    const double others_cores = std::max(0.0, others_cpu_seconds / seconds);
    // A third of a core taken away already skews a 2-core parallelism or a few-ms ratio.
    if (others_cores > 1.0 / 3) {
      why << "other processes kept " << others_cores << " of " << after.cpus << " CPUs busy over "
          << static_cast<int>(seconds * 1000) << " ms";
    }
  }
  // The load of the last minute: it catches load that ran during the measurement and ended just
  // before this check. System-wide, so compared with every online CPU; with half as many again
  // to spare, so the decaying tail of work that has ended does not excuse a broken product.
  double load1 = 0;
  const long online = sysconf(_SC_NPROCESSORS_ONLN);
  std::ifstream("/proc/loadavg") >> load1;
  if (online > 0 && load1 > 1.5 * static_cast<double>(online)) {
    why << (why.tellp() > 0 ? "; " : "") << "load average " << load1 << " on " << online << " CPUs";
  }
  return why.str();
}

}  // namespace hpc
