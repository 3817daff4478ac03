// Reference solution: row i of the DP table depends only on row i - 1, so one row (over the
// shorter string) and one saved diagonal value suffice: O(min(m, n)) memory instead of O(m n),
// and the row stays in L1 where the full table would stream through memory.
#include <algorithm>
#include <vector>

#include "lab01/edit_distance.hpp"

namespace hpc::lab01 {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);  // b is now the shorter one: the row is over b
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];  // table[i - 1][j - 1]
    std::size_t left = i;           // table[i][j - 1], kept in a register: reading it back from
    row[0] = i;                     // row[j - 1] would put a store-to-load trip on every cell
    const char a_i = a[i - 1];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];  // table[i - 1][j]
      left = std::min(std::min(above, left) + 1, diagonal + (a_i == b[j - 1] ? 0 : 1));
      row[j] = left;
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace hpc::lab01
