// Adversarial submission: a test file weakened to pass. --submission ignores it.
#include <gtest/gtest.h>

TEST(Matmul, AlwaysPasses) { SUCCEED(); }
