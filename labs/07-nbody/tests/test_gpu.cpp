// Task 6: the GPU's fp32 direct sum against the fp64 baseline. Built where nvcc is found; every
// test skips itself ("no CUDA device") on a machine without a GPU.
#include <gtest/gtest.h>

#include <cmath>

#include "hpc/data.hpp"
#include "lab07/gpu.hpp"
#include "lab07/initial_conditions.hpp"
#include "lab07_testing.hpp"

namespace {

using namespace hpc::lab07;
using lab07_testing::Accel;

// fp32 round-off of a sum of n terms, relative to the terms' magnitudes (lab07/gpu_kernel.hpp).
constexpr double kTolerance = 1e-4;

// sum over j of |m_j (r_j - r_i)| / (|r_j - r_i|^2 + eps^2)^(3/2): the scale of body i's round-off.
std::vector<double> magnitude_sums(const Bodies& b, double softening) {
  std::vector<double> sums(b.size());
  for (std::size_t i = 0; i < b.size(); ++i) {
    for (std::size_t j = 0; j < b.size(); ++j) {
      const double dx = b.x[j] - b.x[i], dy = b.y[j] - b.y[i], dz = b.z[j] - b.z[i];
      const double r2 = dx * dx + dy * dy + dz * dz;
      const double s2 = r2 + softening * softening;
      if (r2 > 0) sums[i] += b.m[j] * std::sqrt(r2) / (s2 * std::sqrt(s2));
    }
  }
  return sums;
}

void expect_close_to_the_baseline(const Bodies& b, double softening) {
  Accel got(b.size());
  gpu_direct_accelerations(positions_of(b), b.m, softening, got.view());
  const Accel want = lab07_testing::direct_reference(b, softening);
  const auto scale = magnitude_sums(b, softening);
  for (std::size_t i = 0; i < b.size(); ++i) {
    const double error = std::hypot(got.x[i] - want.x[i], got.y[i] - want.y[i], got.z[i] - want.z[i]);
    ASSERT_LE(error, kTolerance * scale[i] + 1e-30)
        << "n = " << b.size() << ", softening " << softening << ": body " << i << " is off by " << error
        << " where its terms sum to " << scale[i] << " in magnitude";
  }
}

class Gpu : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!cuda_device_available()) GTEST_SKIP() << "no CUDA device";
  }
};

class GpuSize : public Gpu, public ::testing::WithParamInterface<int> {};

// One body, the tile size (256) and one either side, several tiles with a partial last one.
TEST_P(GpuSize, MatchesTheBaselineWithSoftening) {
  expect_close_to_the_baseline(plummer(GetParam(), hpc::test_seed() + GetParam()), 0.01);
}

TEST_P(GpuSize, MatchesTheBaselineWithoutSoftening) {
  expect_close_to_the_baseline(uniform_cube(GetParam(), hpc::test_seed() + 3 * GetParam()), 0.0);
}

INSTANTIATE_TEST_SUITE_P(AwkwardSizes, GpuSize, ::testing::Values(1, 2, 3, 31, 255, 256, 257, 1000, 4099));

TEST_F(Gpu, TwoBodiesPullEachOtherByTheInverseSquareLaw) {
  Bodies b = uniform_cube(2, 1);
  b.x = {0, 2}, b.y = {0, 0}, b.z = {0, 0}, b.m = {3, 5};
  Accel got(2);
  gpu_direct_accelerations(positions_of(b), b.m, 0.0, got.view());
  EXPECT_NEAR(got.x[0], 5.0 / 4.0, 1e-6);
  EXPECT_NEAR(got.x[1], -3.0 / 4.0, 1e-6);
  EXPECT_EQ(got.y[0], 0.0);
  EXPECT_EQ(got.z[1], 0.0);
}

TEST_F(Gpu, MoreBodiesThanOneBlockPerMultiprocessor) {
  // 65 tiles of 256 (and one body more): the grid must cover every body.
  expect_close_to_the_baseline(plummer(65 * 256 + 1, hpc::test_seed()), 0.01);
}

}  // namespace
