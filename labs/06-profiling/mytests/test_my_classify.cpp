// Your own tests (never graded): build with the others, run with `ctest --preset student -L mine`.
// This one prints what the classifier gets to see of each planted program: start task 4 here,
// looking for the figure that sets each kind of bottleneck apart.
#include <gtest/gtest.h>

#include <iostream>

#include "lab06/bottlenecks.hpp"

TEST(MyClassify, PrintThePlantedProfiles) {
  for (const hpc::lab06::PlantedProgram& program : hpc::lab06::planted_programs(0.4)) {
    const hpc::lab06::RunProfile run = hpc::lab06::profile_run(program.run);
    std::cout << program.name << " [" << hpc::lab06::name_of(program.truth) << "]\n  " << hpc::lab06::describe(run)
              << "\n";
    EXPECT_GT(run.wall_seconds, 0.39) << program.name;
  }
}
