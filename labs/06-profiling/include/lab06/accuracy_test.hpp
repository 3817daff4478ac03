// The classifier's graded assertion (task 4), shared by the planted suite and the hidden one.
#pragma once

#include <gtest/gtest.h>

#include "hpc/perf_test.hpp"
#include "lab06/bottlenecks.hpp"

namespace hpc::lab06 {

// Asserts that `classifier` got all but `misses_allowed` of `suite` right; inconclusive (a skip,
// no points, "grade again") when disturbed programs could have changed the verdict.
template <class Classifier>
void expect_accuracy(const std::vector<PlantedProgram>& suite, Classifier classifier, int misses_allowed) {
  const SuiteScore score = score_suite(suite, classifier);
  const int wrong = score.total - score.right;
  ::testing::Test::RecordProperty("right", std::to_string(score.right) + " of " + std::to_string(score.total));
  if (wrong > misses_allowed) {
    ADD_FAILURE() << score.right << " of " << score.total << " right (at most " << misses_allowed
                  << " wrong allowed); wrong:\n"
                  << score.misses;
  } else if (score.disturbed > 0) {
    hpc::record_inconclusive("machine busy: " + score.load);
    GTEST_SKIP() << "inconclusive: machine busy: " << score.load;
  }
}

}  // namespace hpc::lab06
