#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>

#include "baseline.hpp"
#include "hpc/data.hpp"

// Counts the heap bytes allocated while `tracking` is on, so the test can check the O(min(m, n))
// memory requirement instead of trusting it. Replacing the global operator new is legal C++ and
// affects this test program only.
namespace {
std::atomic<bool> tracking{false};
std::atomic<std::size_t> bytes_allocated{0};
}  // namespace

void* operator new(std::size_t size) {
  if (tracking.load(std::memory_order_relaxed)) bytes_allocated += size;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

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
    bytes_allocated = 0;
    tracking = true;
    const auto distance = edit_distance(*a, *b);
    tracking = false;
    EXPECT_GT(distance, 0u);
    EXPECT_LE(bytes_allocated.load(), allowed)
        << "allocated " << bytes_allocated.load() << " bytes for strings of " << a->size() << " and " << b->size()
        << " characters; O(min(m, n)) allows " << allowed;
  }
}

}  // namespace
