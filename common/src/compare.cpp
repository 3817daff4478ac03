#include "hpc/compare.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace hpc {
namespace {

template <typename T>
::testing::AssertionResult all_close_impl(std::span<const T> actual, std::span<const T> expected, double rtol,
                                          double atol) {
  if (actual.size() != expected.size()) {
    return ::testing::AssertionFailure() << "size differs: got " << actual.size() << " elements, expected "
                                         << expected.size();
  }
  std::size_t bad = 0, first_bad = 0;
  double worst = 0;
  for (std::size_t i = 0; i < actual.size(); ++i) {
    const double a = actual[i], e = expected[i];
    const double error = std::abs(a - e);
    // NaN never compares close, and an error that is NaN must not slip through "error > bound".
    if (!(error <= atol + rtol * std::abs(e))) {
      if (bad++ == 0) first_bad = i;
      worst = std::isnan(error) ? error : std::max(worst, error);
    }
  }
  if (bad == 0) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << bad << " of " << actual.size() << " elements differ (rtol " << rtol
                                       << ", atol " << atol << "); first at index " << first_bad << ": got "
                                       << actual[first_bad] << ", expected " << expected[first_bad]
                                       << "; worst absolute error " << worst;
}

}  // namespace

::testing::AssertionResult all_close(std::span<const double> actual, std::span<const double> expected, double rtol,
                                     double atol) {
  return all_close_impl(actual, expected, rtol, atol);
}

::testing::AssertionResult all_close(std::span<const float> actual, std::span<const float> expected, double rtol,
                                     double atol) {
  return all_close_impl(actual, expected, rtol, atol);
}

}  // namespace hpc
