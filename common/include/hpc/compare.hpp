// Tolerance-aware comparison for the labs' correctness tests, in numpy.allclose's terms:
// |actual - expected| <= atol + rtol * |expected|, element by element. On failure the message
// names the first bad index, how many elements are off and the worst error, so a student sees
// *where* the result is wrong, not just that it is.
#pragma once

#include <gtest/gtest.h>

#include <span>

namespace hpc {

::testing::AssertionResult all_close(std::span<const double> actual, std::span<const double> expected, double rtol,
                                     double atol);
::testing::AssertionResult all_close(std::span<const float> actual, std::span<const float> expected, double rtol,
                                     double atol);

}  // namespace hpc
