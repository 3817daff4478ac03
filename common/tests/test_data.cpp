#include "hpc/data.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

namespace {

TEST(Data, SameSeedSameValues) {
  EXPECT_EQ(hpc::random_doubles(100, 7), hpc::random_doubles(100, 7));
  EXPECT_NE(hpc::random_doubles(100, 7), hpc::random_doubles(100, 8));
  EXPECT_EQ(hpc::random_string(50, 3), hpc::random_string(50, 3));
}

TEST(Data, ValuesStayInRange) {
  const auto v = hpc::random_doubles(10000, 1, 2.0, 3.0);
  EXPECT_GE(*std::min_element(v.begin(), v.end()), 2.0);
  EXPECT_LT(*std::max_element(v.begin(), v.end()), 3.0);
  const auto ints = hpc::random_ints(10000, 1, -5, 5);
  EXPECT_EQ(*std::min_element(ints.begin(), ints.end()), -5);
  EXPECT_EQ(*std::max_element(ints.begin(), ints.end()), 5);
  const auto s = hpc::random_string(1000, 1, "xy");
  EXPECT_EQ(s.find_first_not_of("xy"), std::string::npos);
}

TEST(Data, SeedComesFromTheEnvironment) {
  unsetenv("HPC_SEED");
  const auto default_seed = hpc::test_seed();
  setenv("HPC_SEED", "12345", 1);
  EXPECT_EQ(hpc::test_seed(), 12345u);
  setenv("HPC_SEED", "12x", 1);
  EXPECT_THROW(hpc::test_seed(), std::invalid_argument);
  unsetenv("HPC_SEED");
  EXPECT_EQ(hpc::test_seed(), default_seed);
}

}  // namespace
