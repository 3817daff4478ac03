#include <gtest/gtest.h>

#include "baseline.hpp"
#include "hpc/compare.hpp"
#include "hpc/data.hpp"
#include "hpc/perf_test.hpp"
#include "lab01_thresholds.hpp"

namespace {

TEST(ConvolutionPerf, SameModeSpeedupOverTheDefinition) {
  using hpc::lab01::ConvolutionMode;
  const hpc::lab01::Image image{1024, 1024, hpc::random_doubles(1024 * 1024, hpc::test_seed())};
  const hpc::lab01::Image kernel{7, 7, hpc::random_doubles(49, hpc::test_seed() + 1)};
  auto got = hpc::lab01::convolve2d(image, kernel, ConvolutionMode::same);
  auto expected = hpc::lab01::baseline::convolve2d(image, kernel, ConvolutionMode::same);
  ASSERT_TRUE(hpc::all_close(got.pixels, expected.pixels, 1e-12, 1e-12));

  hpc::expect_speedup_at_least(hpc::lab01::targets::convolution_speedup, [&] {
    return hpc::Measurement::of(hpc::compare_interleaved(
        [&] { expected = hpc::lab01::baseline::convolve2d(image, kernel, ConvolutionMode::same); },
        [&] { got = hpc::lab01::convolve2d(image, kernel, ConvolutionMode::same); }, {.pairs = 5}));
  });
}

}  // namespace
