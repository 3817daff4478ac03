// Your own tests: add test_*.cpp files to this folder. They are built with the lab
// (cmake --build --preset student) and run by `ctest --preset student -L mine`; they are never
// graded, and one that does not compile cannot cost you points. Start from this example.
#include <gtest/gtest.h>

#include "lab01/edit_distance.hpp"

TEST(MyEditDistance, TextbookExample) { EXPECT_EQ(hpc::lab01::edit_distance("kitten", "sitting"), 3u); }

TEST(MyEditDistance, EmptyStrings) {
  EXPECT_EQ(hpc::lab01::edit_distance("", ""), 0u);
  EXPECT_EQ(hpc::lab01::edit_distance("abc", ""), 3u);
}
