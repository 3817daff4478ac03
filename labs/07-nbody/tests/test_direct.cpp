#include <gtest/gtest.h>
#include <omp.h>

#include <algorithm>
#include <cmath>

#include "hpc/data.hpp"
#include "lab07/forces.hpp"
#include "lab07/initial_conditions.hpp"
#include "lab07_testing.hpp"

namespace {

using namespace hpc::lab07;
using lab07_testing::Accel;

constexpr double kTolerance = 1e-6;  // relative, per body: lab07/forces.hpp

void expect_close_to_the_baseline(const Bodies& b, double softening, const char* what) {
  Accel got(b.size());
  direct_accelerations(positions_of(b), b.m, softening, got.view());
  const auto errors = lab07_testing::relative_errors(got, lab07_testing::direct_reference(b, softening));
  const auto worst = std::max_element(errors.begin(), errors.end());
  if (worst != errors.end()) {
    EXPECT_LE(*worst, kTolerance) << what << ", n = " << b.size() << ": body " << (worst - errors.begin())
                                  << " is off by " << *worst << " of its acceleration";
  }
}

// Sizes around every vector width and thread split: 1 (no other body), primes, 2^k +- 1.
class DirectSize : public ::testing::TestWithParam<int> {};

TEST_P(DirectSize, MatchesTheBaselineWithSoftening) {
  expect_close_to_the_baseline(uniform_cube(GetParam(), hpc::test_seed() + GetParam()), 0.01, "softening 0.01");
}

TEST_P(DirectSize, MatchesTheBaselineWithoutSoftening) {
  expect_close_to_the_baseline(plummer(GetParam(), hpc::test_seed() + 7 * GetParam()), 0.0, "no softening");
}

INSTANTIATE_TEST_SUITE_P(AwkwardSizes, DirectSize, ::testing::Values(1, 2, 3, 7, 8, 9, 16, 17, 31, 33, 63, 65, 257));

TEST(Direct, ALoneBodyFeelsNothing) {
  Bodies b = uniform_cube(1, hpc::test_seed());
  Accel got(1);
  got.x[0] = got.y[0] = got.z[0] = 42;  // overwritten
  direct_accelerations(positions_of(b), b.m, 0.0, got.view());
  EXPECT_EQ(got.x[0], 0.0);
  EXPECT_EQ(got.y[0], 0.0);
  EXPECT_EQ(got.z[0], 0.0);
}

TEST(Direct, TwoBodiesPullEachOtherByTheInverseSquareLaw) {
  Bodies b = uniform_cube(2, 1);
  b.x = {0, 2}, b.y = {0, 0}, b.z = {0, 0}, b.m = {3, 5};
  Accel got(2);
  direct_accelerations(positions_of(b), b.m, 0.0, got.view());
  EXPECT_NEAR(got.x[0], 5.0 / 4.0, 1e-15);   // m_1 / r^2 towards body 1
  EXPECT_NEAR(got.x[1], -3.0 / 4.0, 1e-15);  // m_0 / r^2 towards body 0
  EXPECT_EQ(got.y[0], 0.0);
}

TEST(Direct, ManyThreadsGiveTheSameAnswer) {
  const Bodies b = plummer(1000, hpc::test_seed() + 3);
  const int before = omp_get_max_threads();
  omp_set_num_threads(1);
  Accel one(b.size());
  direct_accelerations(positions_of(b), b.m, 0.01, one.view());
  omp_set_num_threads(std::max(2, before));
  Accel many(b.size());
  direct_accelerations(positions_of(b), b.m, 0.01, many.view());
  omp_set_num_threads(before);
  const auto errors = lab07_testing::relative_errors(many, one);
  EXPECT_LE(*std::max_element(errors.begin(), errors.end()), 1e-12) << "each body's sum must not depend on threads";
}

}  // namespace
