#include "hpc/compare.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace {

TEST(AllClose, AcceptsWithinTolerance) {
  const std::vector<double> expected{1.0, 100.0, 0.0};
  const std::vector<double> actual{1.0 + 1e-10, 100.0 * (1 + 1e-8), 1e-13};
  EXPECT_TRUE(hpc::all_close(actual, expected, 1e-7, 1e-12));
}

TEST(AllClose, NamesTheFirstBadElement) {
  const std::vector<double> expected{1, 2, 3, 4};
  const std::vector<double> actual{1, 2.5, 3, 5};
  const auto result = hpc::all_close(actual, expected, 1e-9, 0);
  ASSERT_FALSE(result);
  EXPECT_NE(std::string(result.message()).find("2 of 4 elements differ"), std::string::npos);
  EXPECT_NE(std::string(result.message()).find("first at index 1"), std::string::npos);
}

TEST(AllClose, NanIsNeverClose) {
  const std::vector<float> expected{1.0f};
  const std::vector<float> actual{std::nanf("")};
  EXPECT_FALSE(hpc::all_close(actual, expected, 1.0, 1.0));
}

TEST(AllClose, SizeMismatchFails) {
  const std::vector<double> a{1, 2}, b{1};
  EXPECT_FALSE(hpc::all_close(a, b, 1, 1));
}

}  // namespace
