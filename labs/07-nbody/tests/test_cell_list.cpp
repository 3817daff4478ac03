#include <gtest/gtest.h>

#include <vector>

#include "baseline.hpp"
#include "hpc/data.hpp"
#include "lab07/cell_list.hpp"
#include "lab07/initial_conditions.hpp"

namespace {

using namespace hpc::lab07;

void expect_the_brute_force_pairs(const Bodies& b, double radius, const char* what) {
  const auto got = close_pairs(positions_of(b), radius);
  const auto expected = baseline::close_pairs(positions_of(b), radius);
  ASSERT_EQ(got.size(), expected.size()) << what << ": " << got.size() << " pairs instead of " << expected.size();
  for (std::size_t k = 0; k < got.size(); ++k) {
    ASSERT_EQ(got[k], expected[k]) << what << ": pair " << k << " is (" << got[k].i << ", " << got[k].j
                                   << ") instead of (" << expected[k].i << ", " << expected[k].j << ")";
  }
}

TEST(CellList, UniformBodies) {
  for (const double radius : {0.02, 0.05, 0.13}) {
    expect_the_brute_force_pairs(uniform_cube(3000, hpc::test_seed()), radius, "uniform cube");
  }
}

TEST(CellList, ClusteredBodies) {
  expect_the_brute_force_pairs(plummer(3000, hpc::test_seed() + 1), 0.02, "Plummer sphere");
}

// Bodies on a lattice of spacing exactly the radius (a power of two: no rounding): neighbours
// along an axis are exactly `radius` apart, not closer; diagonal neighbours of a half-spaced
// lattice are, across every cell boundary.
TEST(CellList, PairsAcrossCellBoundariesAndAtTheEdges) {
  Bodies b = uniform_cube(0, 1);
  for (int i = 0; i < 12; ++i) {
    for (int j = 0; j < 12; ++j) {
      for (int k = 0; k < 12; ++k) {
        b.x.push_back(0.0625 * i), b.y.push_back(0.0625 * j), b.z.push_back(0.0625 * k), b.m.push_back(1);
      }
    }
  }
  b.vx = b.vy = b.vz = std::vector<double>(b.m.size(), 0.0);
  expect_the_brute_force_pairs(b, 0.125, "lattice, radius twice the spacing");
  expect_the_brute_force_pairs(b, 0.0625, "lattice, radius the spacing (no pair)");
  EXPECT_TRUE(close_pairs(positions_of(b), 0.0625).empty());
}

TEST(CellList, EdgeCases) {
  const Bodies none = uniform_cube(0, 1), one = uniform_cube(1, 1);
  EXPECT_TRUE(close_pairs(positions_of(none), 0.1).empty());
  EXPECT_TRUE(close_pairs(positions_of(one), 0.1).empty());
  Bodies same = uniform_cube(5, 2);
  for (std::size_t i = 1; i < 5; ++i) same.x[i] = same.x[0], same.y[i] = same.y[0], same.z[i] = same.z[0];
  EXPECT_EQ(close_pairs(positions_of(same), 1e-9).size(), 10u) << "bodies at one point are all close";
  expect_the_brute_force_pairs(uniform_cube(200, hpc::test_seed() + 2), 5.0, "radius larger than the box");
  expect_the_brute_force_pairs(uniform_cube(2000, hpc::test_seed() + 3), 1e-6, "radius far below the spacing");
}

}  // namespace
