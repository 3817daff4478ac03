// remote_test_api.hpp as test_remote.cpp sees it: every call goes to remote_test_runner.
#include "hpc/remote.hpp"
#include "remote_test_codecs.hpp"

namespace hpc::remote_test {

using hpc::remote::call;

double sum(std::span<const double> values) { return call<decltype(sum)>("sum", values); }
void scale(std::span<double> values, double factor) { return call<decltype(scale)>("scale", values, factor); }
void fill(std::span<double> out, double value) { return call<decltype(fill)>("fill", out, value); }
Named describe(const Named& named, Grid grid) { return call<decltype(describe)>("describe", named, grid); }
std::size_t length(std::string_view text) { return call<decltype(length)>("length", text); }
int threads() { return call<decltype(threads)>("threads"); }
int uid() { return call<decltype(uid)>("uid"); }
void throw_invalid_argument(const std::string& message) {
  return call<decltype(throw_invalid_argument)>("throw_invalid_argument", message);
}
void throw_not_a_std_exception() { return call<decltype(throw_not_a_std_exception)>("throw_not_a_std_exception"); }
void crash() { return call<decltype(crash)>("crash"); }
void start_background_work() { return call<decltype(start_background_work)>("start_background_work"); }
int slow_to_take(SlowToDecode argument) { return call<decltype(slow_to_take)>("slow_to_take", argument); }

}  // namespace hpc::remote_test
