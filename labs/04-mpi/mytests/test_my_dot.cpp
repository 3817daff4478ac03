// Your own tests: add test_*.cpp files to this folder. They are built with the lab
// (cmake --build --preset student) and run on the lab's ranks by `ctest --preset student -L mine`;
// they are never graded, and one that does not compile cannot cost you points. Start from this example.
#include <gtest/gtest.h>
#include <mpi.h>

#include <vector>

#include "lab04/vector_ops.hpp"

TEST(MyDot, OnesDotTwosIsTwiceTheLength) {
  int ranks = 0;
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);
  const std::vector<double> ones(10, 1.0), twos(10, 2.0);  // 10 values on every rank
  EXPECT_DOUBLE_EQ(hpc::lab04::distributed_dot(MPI_COMM_WORLD, ones, twos), 20.0 * ranks);
}
