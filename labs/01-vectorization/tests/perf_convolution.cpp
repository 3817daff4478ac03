#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "baseline.hpp"
#include "hpc/compare.hpp"
#include "hpc/data.hpp"
#include "hpc/perf_test.hpp"
#include "lab01_thresholds.hpp"

namespace {

TEST(ConvolutionPerf, SameModeSpeedupOverTheDefinition) {
  using hpc::lab01::ConvolutionMode;
  hpc::lab01::Image image{1024, 1024, hpc::random_doubles(1024 * 1024, hpc::test_seed())};
  hpc::lab01::Image kernel{7, 7, hpc::random_doubles(49, hpc::test_seed() + 1)};
  auto got = hpc::lab01::convolve2d(image, kernel, ConvolutionMode::same);
  auto expected = hpc::lab01::baseline::convolve2d(image, kernel, ConvolutionMode::same);
  ASSERT_TRUE(hpc::all_close(got.pixels, expected.pixels, 1e-12, 1e-12));

  // Checked timing: new pixels in the image and the kernel before every pair (never seen before,
  // not even in an earlier attempt), and every timed call's output compared with the baseline's.
  std::uint64_t draw = 0;
  hpc::expect_speedup_at_least(hpc::lab01::targets::convolution_speedup, [&] {
    return hpc::Measurement::of(hpc::compare_interleaved(
        [&] { expected = hpc::lab01::baseline::convolve2d(image, kernel, ConvolutionMode::same); },
        [&] { got = hpc::lab01::convolve2d(image, kernel, ConvolutionMode::same); },
        {.pairs = 5,
         .vary =
             [&](int) {
               ++draw;
               hpc::refill_random(image.pixels, hpc::test_seed() + 2 * draw + 2);
               hpc::refill_random(kernel.pixels, hpc::test_seed() + 2 * draw + 3);
             },
         .same =
             [&] {
               return got.rows == expected.rows && got.cols == expected.cols &&
                      static_cast<bool>(hpc::all_close(got.pixels, expected.pixels, 1e-12, 1e-12));
             }}));
  });
}

}  // namespace
