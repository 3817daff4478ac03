// main() of the course's (non-MPI) test programs: GoogleTest's, ending as hpc::exit_now says.
#include <gtest/gtest.h>

#include "hpc/exit_now.hpp"
#include "hpc/timing.hpp"

int main(int argc, char** argv) {
  hpc::settle_allocator();
  ::testing::InitGoogleTest(&argc, argv);
  hpc::exit_now(RUN_ALL_TESTS());
}
