// Exercise 7: Levenshtein edit distance, dynamic programming in O(min(m, n)) memory.
#pragma once

#include <cstddef>
#include <string_view>

namespace hpc::lab01 {

// The least number of single-character insertions, deletions and substitutions turning a into b.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace hpc::lab01
