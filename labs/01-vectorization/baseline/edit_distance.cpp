#include <algorithm>
#include <vector>

#include "baseline.hpp"

namespace hpc::lab01::baseline {

// The full (m + 1) x (n + 1) table: O(m n) memory for an answer that needs only the last row.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t m = a.size(), n = b.size();
  std::vector<std::vector<std::size_t>> table(m + 1, std::vector<std::size_t>(n + 1));
  for (std::size_t i = 0; i <= m; ++i) table[i][0] = i;
  for (std::size_t j = 0; j <= n; ++j) table[0][j] = j;
  for (std::size_t i = 1; i <= m; ++i) {
    for (std::size_t j = 1; j <= n; ++j) {
      const std::size_t substitute = table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      table[i][j] = std::min({table[i - 1][j] + 1, table[i][j - 1] + 1, substitute});
    }
  }
  return table[m][n];
}

}  // namespace hpc::lab01::baseline
