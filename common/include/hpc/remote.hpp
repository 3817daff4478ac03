// Remote calls: the student's code runs in a process of its own (the lab's `runner`), and the test
// program that judges it never links it.
//
// A lab's test programs link a proxy of the lab's API instead of the student's library: each proxy
// function sends its arguments to the runner and returns what the student's function returned
// there, so the tests read as if they called the student's code directly:
//
//   void matmul(std::span<const double> a, std::span<const double> b, std::span<double> c, std::size_t n) {
//     return hpc::remote::call<decltype(matmul)>("matmul", a, b, c, n);
//   }
//
// and the runner lists the functions it serves (hpc/remote_runner.hpp). What this buys: the
// verdict, the report, the reference results and the clock all live in a process the student's
// code cannot reach (as root the grader even runs the runner as another uid), so no trick in that
// code can rewrite a result, replace the baseline or stop the clock. Its output must be computed.
//
// A call has four steps, of which only the third is timed (hpc::UntimedScope, hpc/timing.hpp):
// copy the arguments into a region shared with the runner, let the runner decode them (views of
// that region, no copy), run the function, fetch the result (outputs written into an OutputArray
// need no fetching). The untimed steps are copies, and are checked to take no longer than one: a
// runner that works there instead makes the timing untrusted (hpc::distrust_timing) and the
// measurement inconclusive, never faster. So does a runner that uses the CPU while the baseline
// it is compared with is timed (hpc/timing.hpp counts the runner's CPU time as this program's).
//
// The runner is started at the first call: by the grader (HPC_RUNNER_BROKER_FD) as root, else as a
// child process (HPC_RUNNER_PROGRAM, or `runner` beside this program). If it dies, the call throws
// RunnerEnded saying how, and the next call starts a new one. The OpenMP thread count of the caller
// (omp_set_num_threads) is passed with every call.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <cstring>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <typeinfo>
#include <vector>

#include "hpc/remote_codec.hpp"
#include "hpc/timing.hpp"

namespace hpc::remote {

// Memory the runner maps too, for its outputs: a span of it passes to the runner as a reference,
// and the runner writes its result where the test reads it, with no copy back. (Inputs are always
// copied, at the start of each call: a runner that could read them earlier could work on them
// while it is not being timed.)
class SharedBytes {
 public:
  explicit SharedBytes(std::size_t bytes);
  ~SharedBytes();
  SharedBytes(const SharedBytes&) = delete;
  SharedBytes& operator=(const SharedBytes&) = delete;
  std::byte* data() const { return data_; }

 private:
  std::uint32_t id_;
  std::byte* data_;
};

template <class T>
class OutputArray {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  explicit OutputArray(std::size_t n) : bytes_(std::max<std::size_t>(1, n) * sizeof(T)), n_(n) {}
  T* data() { return reinterpret_cast<T*>(bytes_.data()); }
  const T* data() const { return reinterpret_cast<const T*>(bytes_.data()); }
  std::size_t size() const { return n_; }
  T* begin() { return data(); }
  T* end() { return data() + n_; }
  const T* begin() const { return data(); }
  const T* end() const { return data() + n_; }
  T& operator[](std::size_t i) { return data()[i]; }
  const T& operator[](std::size_t i) const { return data()[i]; }
  operator std::span<T>() { return {data(), n_}; }
  operator std::span<const T>() const { return {data(), n_}; }

 private:
  SharedBytes bytes_;
  std::size_t n_;
};

// The runner died during a call (a crash, an exit, a limit): what() says how.
class RunnerEnded : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One call's steps, as seen from this process.
struct CallReport {
  double prepare_seconds = 0, run_seconds = 0, fetch_seconds = 0;
  std::size_t argument_bytes = 0, result_bytes = 0;
  std::size_t allocated_bytes = 0;  // what the function allocated with operator new, counted by the runner
};
const CallReport& last_call();

namespace detail {

// The shared region for the arguments, at least `bytes` large (grown, and sent anew, when needed).
std::byte* argument_region(std::size_t bytes, std::size_t& capacity);
// Sends the call, runs it (timed), and fetches the result; rethrows what the function threw.
// Returns the result region and its size.
std::pair<std::byte*, std::size_t> invoke(const char* function, const char* signature, std::size_t argument_bytes,
                                          const std::vector<std::uint32_t>& shared_used);
bool find_shared(const void* data, std::size_t bytes, SharedPlace& place);

// The argument as the parameter's type (a proxy passes its own parameters: no copy then).
template <class P, class A>
decltype(auto) as_parameter(A&& argument) {
  using T = std::decay_t<P>;
  if constexpr (std::is_same_v<std::decay_t<A>, T>) {
    return static_cast<const T&>(argument);
  } else {
    return T(std::forward<A>(argument));
  }
}

template <class R, class... P, class... A>
R call(R (*)(P...), const char* function, A&&... arguments) {
  static_assert(sizeof...(P) == sizeof...(A), "a remote call passes every parameter");
  std::byte* region = nullptr;
  std::vector<CopyBack> copy_backs;
  std::vector<std::uint32_t> shared_used;
  std::size_t used = 0;
  {
    const UntimedScope untimed;
    Writer count;
    count.find_shared = &find_shared;
    (put<std::decay_t<P>>(count, as_parameter<P>(arguments)), ...);
    std::size_t capacity = 0;
    region = argument_region(count.size(), capacity);
    Writer writer(region, capacity);
    writer.find_shared = &find_shared;
    (put<std::decay_t<P>>(writer, as_parameter<P>(arguments)), ...);
    copy_backs = writer.copy_backs();
    shared_used = writer.shared_used;
    used = writer.size();
  }
  const auto [result, result_bytes] = invoke(function, typeid(R(P...)).name(), used, shared_used);
  const UntimedScope untimed;
  for (const CopyBack& back : copy_backs) std::memcpy(back.to, region + back.offset, back.bytes);
  if constexpr (!std::is_void_v<R>) {
    Reader reader(result, result_bytes);
    return get<std::decay_t<R>>(reader);
  }
}

}  // namespace detail

// call<decltype(f)>("f", args...): f's signature decides how each argument travels; the runner
// checks that it serves "f" with the same signature.
template <class Signature, class... A>
auto call(const char* function, A&&... arguments) {
  return detail::call(static_cast<Signature*>(nullptr), function, std::forward<A>(arguments)...);
}

}  // namespace hpc::remote
