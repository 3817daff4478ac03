// Reference solution: a cell list. Space is cut into cubic cells of side >= radius, so a body's
// neighbours closer than radius can only be in its own cell or the 26 around it: at a fixed
// density each body is compared with a constant number of others, O(n) in all.
//
//  * Bodies are sorted by cell with a counting sort (two passes, O(n)): cell c's bodies are
//    positions [start[c], start[c + 1]) of `members`, read contiguously.
//  * The grid has at most ~8 cells per body: a radius far below the spacing of the bodies would
//    otherwise make a grid of mostly empty cells; its cells are then larger than radius.
//  * Threads take cells; each keeps its own pairs, merged and sorted at the end.
#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "lab07/cell_list.hpp"

namespace hpc::lab07 {

std::vector<Pair> close_pairs(Positions pos, double radius) {
  const std::size_t n = pos.size();
  if (n < 2 || !(radius > 0)) return {};
  std::array<double, 3> lo{}, hi{};
  const std::span<const double> axes[3] = {pos.x, pos.y, pos.z};
  for (int a = 0; a < 3; ++a) {
    const auto [min, max] = std::minmax_element(axes[a].begin(), axes[a].end());
    lo[a] = *min, hi[a] = *max;
  }
  double side = radius;
  const auto cells_along = [&](int a) { return static_cast<std::size_t>(std::floor((hi[a] - lo[a]) / side)) + 1; };
  while (static_cast<double>(cells_along(0)) * static_cast<double>(cells_along(1)) *
             static_cast<double>(cells_along(2)) >
         8.0 * static_cast<double>(n) + 27) {
    side *= 1.5;
  }
  const std::size_t nx = cells_along(0), ny = cells_along(1), nz = cells_along(2);
  const auto coordinate = [&](double v, int a, std::size_t cells) {
    return std::min(cells - 1, static_cast<std::size_t>((v - lo[a]) / side));
  };
  std::vector<std::size_t> cell_of(n), start(nx * ny * nz + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    cell_of[i] = (coordinate(pos.z[i], 2, nz) * ny + coordinate(pos.y[i], 1, ny)) * nx + coordinate(pos.x[i], 0, nx);
    ++start[cell_of[i] + 1];
  }
  for (std::size_t c = 0; c + 1 < start.size(); ++c) start[c + 1] += start[c];
  std::vector<std::uint32_t> members(n);
  {
    std::vector<std::size_t> next(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < n; ++i) members[next[cell_of[i]]++] = static_cast<std::uint32_t>(i);
  }

  const double r2 = radius * radius;
  std::vector<Pair> pairs;
  const std::ptrdiff_t cells = static_cast<std::ptrdiff_t>(nx * ny * nz);
#pragma omp parallel
  {
    std::vector<Pair> mine;
#pragma omp for schedule(dynamic, 16) nowait
    for (std::ptrdiff_t c = 0; c < cells; ++c) {
      const std::size_t cx = static_cast<std::size_t>(c) % nx, cy = static_cast<std::size_t>(c) / nx % ny,
                        cz = static_cast<std::size_t>(c) / (nx * ny);
      for (std::size_t a = start[c]; a < start[c + 1]; ++a) {
        const std::uint32_t i = members[a];
        for (std::size_t z = cz == 0 ? 0 : cz - 1; z <= std::min(nz - 1, cz + 1); ++z) {
          for (std::size_t y = cy == 0 ? 0 : cy - 1; y <= std::min(ny - 1, cy + 1); ++y) {
            for (std::size_t x = cx == 0 ? 0 : cx - 1; x <= std::min(nx - 1, cx + 1); ++x) {
              const std::size_t other = (z * ny + y) * nx + x;
              for (std::size_t b = start[other]; b < start[other + 1]; ++b) {
                const std::uint32_t j = members[b];
                if (j <= i) continue;  // each pair once, as (smaller, larger)
                const double dx = pos.x[i] - pos.x[j], dy = pos.y[i] - pos.y[j], dz = pos.z[i] - pos.z[j];
                if (dx * dx + dy * dy + dz * dz < r2) mine.push_back({i, j});
              }
            }
          }
        }
      }
    }
#pragma omp critical
    pairs.insert(pairs.end(), mine.begin(), mine.end());
  }
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

}  // namespace hpc::lab07
