// Your own tests: add test_*.cpp files to this folder. They are built with the lab
// (cmake --build --preset student) and run by `ctest --preset student -L mine`; they are never
// graded, and one that does not compile cannot cost you points. Start from this example.
#include <gtest/gtest.h>

#include "lab02/concurrency.hpp"

TEST(MyBoundedQueue, FirstInFirstOut) {
  hpc::lab02::BoundedQueue queue(4);
  ASSERT_TRUE(queue.push(1));
  ASSERT_TRUE(queue.push(2));
  EXPECT_EQ(queue.pop(), 1);
  EXPECT_EQ(queue.pop(), 2);
}

TEST(MyBoundedQueue, ClosedAndDrainedGivesNothing) {
  hpc::lab02::BoundedQueue queue(1);
  queue.close();
  EXPECT_FALSE(queue.push(1));
  EXPECT_EQ(queue.pop(), std::nullopt);
}
