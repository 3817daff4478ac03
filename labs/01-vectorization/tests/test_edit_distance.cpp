#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "baseline.hpp"
#include "hpc/data.hpp"
#include "hpc/remote.hpp"

namespace {

using hpc::lab01::edit_distance;

TEST(EditDistance, KnownPairs) {
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("flaw", "lawn"), 2u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("same", "same"), 0u);
  EXPECT_EQ(edit_distance("a", "b"), 1u);
}

TEST(EditDistance, MatchesTheFullTable) {
  for (std::size_t m : {1u, 2u, 17u, 100u, 301u}) {
    for (std::size_t n : {1u, 5u, 64u, 250u}) {
      const auto a = hpc::random_string(m, hpc::test_seed() + m);
      const auto b = hpc::random_string(n, hpc::test_seed() + 1000 + n);
      EXPECT_EQ(edit_distance(a, b), hpc::lab01::baseline::edit_distance(a, b)) << m << " x " << n;
    }
  }
}

TEST(EditDistance, SymmetricInItsArguments) {
  const auto a = hpc::random_string(200, hpc::test_seed(), "ab");
  const auto b = hpc::random_string(150, hpc::test_seed() + 1, "ab");
  EXPECT_EQ(edit_distance(a, b), edit_distance(b, a));
}

TEST(EditDistance, UsesMemoryLinearInTheShorterString) {
  const auto longer = hpc::random_string(20'000, hpc::test_seed());
  const auto shorter = hpc::random_string(500, hpc::test_seed() + 1);
  // Two rows of 8-byte counters over the shorter string, plus slack for small helpers.
  const std::size_t allowed = 2 * (shorter.size() + 1) * sizeof(std::size_t) + 1024;
  for (const auto& [a, b] : {std::pair{&longer, &shorter}, std::pair{&shorter, &longer}}) {
    const auto distance = edit_distance(*a, *b);
    // The heap bytes the call allocated with operator new, counted where it ran (hpc/remote.hpp).
    const std::size_t allocated = hpc::remote::last_call().allocated_bytes;
    EXPECT_GT(distance, 0u);
    EXPECT_LE(allocated, allowed) << "allocated " << allocated << " bytes for strings of " << a->size() << " and "
                                  << b->size() << " characters; O(min(m, n)) allows " << allowed;
  }
}

}  // namespace
