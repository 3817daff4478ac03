#include "hpc/machine.hpp"

#include <omp.h>
#include <sched.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <vector>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>
#include <utility>

namespace hpc {
namespace {

namespace fs = std::filesystem;

std::string read_first_line(const fs::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

// The distinct physical cores among the CPUs this process may run on: two SMT siblings (two
// hardware threads of one core) share its execution units, so they add little to compute-bound
// work and count once. Without topology files, every allowed CPU counts.
int affinity_cores() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof(set), &set) != 0) {
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }
  std::set<std::pair<std::string, std::string>> cores;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
    if (!CPU_ISSET(cpu, &set)) continue;
    const fs::path topology = "/sys/devices/system/cpu/cpu" + std::to_string(cpu) + "/topology";
    const std::string core = read_first_line(topology / "core_id");
    cores.emplace(read_first_line(topology / "physical_package_id"), core.empty() ? "cpu" + std::to_string(cpu) : core);
  }
  return std::max(1, static_cast<int>(cores.size()));
}

// cgroup v2 "cpu.max" holds "<quota> <period>" or "max <period>"; containers and CI runners
// often limit CPU this way without changing the affinity mask.
int cgroup_quota_cores() {
  std::istringstream fields(read_first_line("/sys/fs/cgroup/cpu.max"));
  std::string quota;
  double period = 0;
  if (!(fields >> quota >> period) || quota == "max" || period <= 0) return 0;
  return std::max(1, static_cast<int>(std::ceil(std::stod(quota) / period)));
}

int count_physical_cores() {
  std::set<std::pair<std::string, std::string>> cores;  // (package, core) pairs
  const fs::path cpus = "/sys/devices/system/cpu";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(cpus, ec)) {
    const auto name = entry.path().filename().string();
    if (name.rfind("cpu", 0) != 0 || name.size() < 4 || !std::isdigit(static_cast<unsigned char>(name[3]))) {
      continue;
    }
    const auto topology = entry.path() / "topology";
    cores.emplace(read_first_line(topology / "physical_package_id"), read_first_line(topology / "core_id"));
  }
  return cores.empty() ? affinity_cores() : static_cast<int>(cores.size());
}

std::string simd_level() {
#if defined(__AVX512F__)
  return "avx512";
#elif defined(__AVX2__)
  return "avx2";
#elif defined(__AVX__)
  return "avx";
#elif defined(__SSE4_2__)
  return "sse4.2";
#elif defined(__ARM_NEON)
  return "neon";
#else
  return "scalar";
#endif
}

bool nvidia_gpu_present() {
  std::error_code ec;
  return fs::exists("/dev/nvidia0", ec) || !fs::is_empty("/proc/driver/nvidia/gpus", ec);
}

int mpi_world_size() {
  // Open MPI's mpirun, MPICH-style launchers, PMIx, and a Slurm srun step.
  for (const char* var : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_SIZE", "SLURM_STEP_NUM_TASKS"}) {
    if (const char* value = std::getenv(var)) return std::max(1, std::atoi(value));
  }
  return 1;
}

}  // namespace

int usable_cores() {
  const int affinity = affinity_cores();
  const int quota = cgroup_quota_cores();
  return quota > 0 ? std::min(affinity, quota) : affinity;
}

int effective_parallelism(int threads) { return std::max(1, std::min(threads, usable_cores())); }

namespace {

double seconds_of(const std::function<void()>& fn) {
  const auto start = std::chrono::steady_clock::now();
  fn();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

// Scalar on purpose: vectorized, the four streams would be one dependent chain of vector ops.
__attribute__((optimize("no-tree-vectorize", "no-tree-slp-vectorize"))) std::uint64_t calibration_work(
    std::uint64_t steps, std::uint64_t seed) {
  // Four independent xorshift streams: enough instructions in flight to keep a core's integer
  // units busy. One dependent stream would leave them mostly idle, and two hardware threads
  // sharing one core (a hypervisor may place two virtual CPUs so) would each run it at full speed
  // and look like two cores to this probe while compute-bound code gets one core's throughput.
  std::uint64_t x[4] = {seed | 1, (seed << 1) | 1, (seed << 2) | 1, (seed << 3) | 1};
  for (std::uint64_t i = 0; i < steps; ++i) {
    for (auto& v : x) {
      v ^= v << 13;
      v ^= v >> 7;
      v ^= v << 17;
    }
  }
  return x[0] ^ x[1] ^ x[2] ^ x[3];
}

double measured_parallelism(int threads) {
  if (threads <= 1) return 1.0;
  constexpr double target_seconds = 0.01;
  std::atomic<std::uint64_t> sink{0};
  std::uint64_t steps = 1 << 16;
  while (seconds_of([&] { sink += calibration_work(steps, steps); }) < target_seconds) steps *= 2;

  std::vector<double> trials;
  for (int trial = 0; trial < 3; ++trial) {
    const double one = seconds_of([&] { sink += calibration_work(steps, 1); });
    const double all = seconds_of([&] {
#pragma omp parallel num_threads(threads)
      sink += calibration_work(steps, static_cast<std::uint64_t>(omp_get_thread_num()) + 2);
    });
    trials.push_back(threads * one / all);
  }
  std::sort(trials.begin(), trials.end());
  return std::clamp(trials[1], 1.0, static_cast<double>(threads));
}

MachineInfo machine_info() {
  MachineInfo info;
  info.logical_cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  info.physical_cores = count_physical_cores();
  info.usable_cores = usable_cores();
  info.openmp_threads = omp_get_max_threads();
  info.simd = simd_level();
  info.gpu_present = nvidia_gpu_present();
  info.mpi_ranks = mpi_world_size();
  return info;
}

std::string describe(const MachineInfo& info) {
  std::ostringstream out;
  out << info.physical_cores << " physical / " << info.logical_cores << " logical cores, " << info.usable_cores
      << " usable, " << info.openmp_threads << " OpenMP threads, SIMD " << info.simd << ", GPU "
      << (info.gpu_present ? "yes" : "no");
  if (info.mpi_ranks > 1) out << ", " << info.mpi_ranks << " MPI ranks";
  return out.str();
}

}  // namespace hpc
