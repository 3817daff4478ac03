// Exercise 7 — edit distance in O(min(m, n)) memory. Graded by test_edit_distance, which also
// measures how much your function allocates.
#include "hpc/todo.hpp"
#include "lab01/edit_distance.hpp"

namespace hpc::lab01 {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // TODO(student): the Levenshtein recurrence of baseline/edit_distance.cpp, keeping one row of
  // the table (over the shorter string) plus the one diagonal value the next cell needs.
  // The test allows about 2 * (min(m, n) + 1) machine words of heap: no full table.
  hpc::todo("edit_distance");
}

}  // namespace hpc::lab01
