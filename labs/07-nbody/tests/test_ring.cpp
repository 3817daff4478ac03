#include <gtest/gtest.h>
#include <mpi.h>

#include <algorithm>
#include <vector>

#include "hpc/data.hpp"
#include "lab07/initial_conditions.hpp"
#include "lab07/ring.hpp"
#include "lab07_testing.hpp"

namespace {

using namespace hpc::lab07;

int world_rank() {
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  return rank;
}
int world_size() {
  int size = 1;
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  return size;
}

// Every rank builds the same system, takes its block [begin, end), and checks the ring's
// accelerations of its bodies against the single-process direct sum.
void expect_the_direct_sum(const Bodies& all, const std::vector<std::size_t>& bounds, const char* what) {
  const std::size_t rank = static_cast<std::size_t>(world_rank()), begin = bounds[rank], end = bounds[rank + 1];
  const auto reference = lab07_testing::direct_reference(all, 0.01);
  const auto slice = [&](const std::vector<double>& v) {
    return std::vector<double>(v.begin() + begin, v.begin() + end);
  };
  const auto x = slice(all.x), y = slice(all.y), z = slice(all.z), m = slice(all.m);
  lab07_testing::Accel got(end - begin), expected(end - begin);
  for (std::size_t i = begin; i < end; ++i) {
    expected.x[i - begin] = reference.x[i], expected.y[i - begin] = reference.y[i],
                   expected.z[i - begin] = reference.z[i];
  }
  ring_accelerations(MPI_COMM_WORLD, {x, y, z}, m, 0.01, got.view());
  const auto errors = lab07_testing::relative_errors(got, expected);
  const auto worst = std::max_element(errors.begin(), errors.end());
  if (worst != errors.end()) {
    EXPECT_LE(*worst, 1e-6) << what << ": rank " << rank << ", body " << begin + (worst - errors.begin());
  }
}

TEST(Ring, EqualBlocksGiveTheDirectSum) {
  const std::size_t n = 600, p = static_cast<std::size_t>(world_size());
  std::vector<std::size_t> bounds;
  for (std::size_t r = 0; r <= p; ++r) bounds.push_back(r * n / p);
  expect_the_direct_sum(plummer(n, hpc::test_seed()), bounds, "equal blocks");
}

TEST(Ring, UnevenAndEmptyBlocksGiveTheDirectSum) {
  // Rank r holds about r^2 parts: rank 0 holds none at all.
  const std::size_t p = static_cast<std::size_t>(world_size());
  std::vector<std::size_t> bounds{0};
  for (std::size_t r = 0; r < p; ++r) bounds.push_back(bounds.back() + 37 * r * r);
  expect_the_direct_sum(uniform_cube(bounds.back(), hpc::test_seed() + 1), bounds, "uneven blocks");
}

// 4000 bodies a rank: 128 KB blocks, far past the eager limit under which blocking sends return
// before their receive is posted. A ring of blocking sends waits forever here.
TEST(Ring, LargeBlocksDoNotDeadlock) {
  const std::size_t n = 4000 * static_cast<std::size_t>(world_size()), p = static_cast<std::size_t>(world_size());
  std::vector<std::size_t> bounds;
  for (std::size_t r = 0; r <= p; ++r) bounds.push_back(r * n / p);
  expect_the_direct_sum(uniform_cube(n, hpc::test_seed() + 2), bounds, "large blocks");
}

}  // namespace
