// Your own tests: add test_*.cpp files to this folder. They are built with the lab
// (cmake --build --preset student) and run by `ctest --preset student -L mine`; they are never
// graded, and one that does not compile cannot cost you points. Start from this example.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "lab03/applications.hpp"
#include "lab03/process_pool.hpp"

TEST(MyMonteCarlo, CloseToPiWithTwoWorkers) {
  hpc::lab03::register_lab_tasks();  // the pool's workers find tasks by name: register them first
  hpc::lab03::ProcessPool pool(2);
  const auto estimate = hpc::lab03::monte_carlo_pi(pool, 200000, 42, 8);
  EXPECT_NEAR(estimate.value, std::numbers::pi, 5 * estimate.standard_error);
}
