// Reference solution: Barnes-Hut on an octree built from Morton-sorted bodies.
//
//  1. Keys: each body's place in the bounding cube, 21 bits per axis, the bits interleaved
//     (x y z x y z ...). Bodies close in space get close keys, and every cell of the octree is a
//     contiguous run of the sorted keys: no pointers to chase while building.
//  2. Sort the bodies by key, and copy their coordinates in that order: the walk then reads the
//     bodies of a cell from consecutive addresses.
//  3. Build top-down: a cell's children split its run where the 3 key bits of the next level
//     change (binary searches, since the run is sorted). At most kLeafSize bodies: a leaf.
//  4. Mass and centre of mass, bottom-up, as the recursion returns.
//  5. Walk, body by body, in parallel: a cell of side s at distance d counts as one body at its
//     centre of mass when s < theta d and the body is not inside it; otherwise its children are
//     visited, or in a leaf its bodies one by one (the same softened formula as the direct sum).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <vector>

#include "lab07/barnes_hut.hpp"

namespace hpc::lab07 {
namespace {

constexpr int kBits = 21;               // per axis: 63 bits of key
constexpr std::uint32_t kLeafSize = 8;  // bodies a leaf may hold

// The 21 low bits of v moved to every third bit.
std::uint64_t spread(std::uint64_t v) {
  v &= 0x1fffff;
  v = (v | v << 32) & 0x1f00000000ffffull;
  v = (v | v << 16) & 0x1f0000ff0000ffull;
  v = (v | v << 8) & 0x100f00f00f00f00full;
  v = (v | v << 4) & 0x10c30c30c30c30c3ull;
  v = (v | v << 2) & 0x1249249249249249ull;
  return v;
}

struct Cell {
  double x = 0, y = 0, z = 0, mass = 0;  // centre of mass, total mass
  double side = 0;
  std::uint32_t begin = 0, end = 0;  // its bodies, in sorted order
  std::uint32_t first_child = 0, children = 0;
};

class Octree {
 public:
  Octree(Positions pos, std::span<const double> m) : n_(pos.size()) {
    double lo[3] = {INFINITY, INFINITY, INFINITY}, hi[3] = {-INFINITY, -INFINITY, -INFINITY};
    const std::span<const double> axes[3] = {pos.x, pos.y, pos.z};
    for (int a = 0; a < 3; ++a) {
      const auto [min, max] = std::minmax_element(axes[a].begin(), axes[a].end());
      lo[a] = *min, hi[a] = *max;
    }
    const double side = std::max({hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2], 1e-300}) * (1 + 1e-12);
    const double scale = static_cast<double>(1u << kBits) / side;
    std::vector<std::uint64_t> keys(n_);
    const auto cell_of = [&](double v, int a) {
      return std::min<std::uint64_t>((1u << kBits) - 1, static_cast<std::uint64_t>((v - lo[a]) * scale));
    };
#pragma omp parallel for schedule(static)
    for (std::ptrdiff_t i = 0; i < static_cast<std::ptrdiff_t>(n_); ++i) {
      keys[i] = spread(cell_of(pos.x[i], 0)) << 2 | spread(cell_of(pos.y[i], 1)) << 1 | spread(cell_of(pos.z[i], 2));
    }
    order.resize(n_);
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return keys[a] < keys[b]; });
    sorted_keys_.resize(n_);
    x.resize(n_), y.resize(n_), z.resize(n_), mass.resize(n_);
    for (std::size_t p = 0; p < n_; ++p) {
      const std::uint32_t i = order[p];
      sorted_keys_[p] = keys[i], x[p] = pos.x[i], y[p] = pos.y[i], z[p] = pos.z[i], mass[p] = m[i];
    }
    cells.push_back({.side = side, .begin = 0, .end = static_cast<std::uint32_t>(n_)});
    if (n_ > 0) build(0, 0);
  }

  std::vector<Cell> cells;            // cells[0] is the root; a cell's children are contiguous
  std::vector<std::uint32_t> order;   // sorted position -> original index
  std::vector<double> x, y, z, mass;  // the bodies in sorted order

 private:
  void build(std::uint32_t index, int depth) {
    Cell cell = cells[index];
    if (cell.end - cell.begin > kLeafSize && depth < kBits) {
      const int shift = 3 * (kBits - 1 - depth);
      const auto digit = [&](std::uint32_t p) { return (sorted_keys_[p] >> shift) & 7; };
      cell.first_child = static_cast<std::uint32_t>(cells.size());
      std::uint32_t from = cell.begin;
      for (std::uint64_t d = 0; d < 8 && from < cell.end; ++d) {
        // The run is sorted and shares every higher bit: the digits ascend through it.
        std::uint32_t to = from;
        for (std::uint32_t step = cell.end - from; step > 0;) {  // first position whose digit > d
          const std::uint32_t half = step / 2;
          if (digit(to + half) <= d) {
            to += half + 1;
            step -= half + 1;
          } else {
            step = half;
          }
        }
        if (to > from) {
          cells.push_back({.side = cell.side / 2, .begin = from, .end = to});
          ++cell.children;
        }
        from = to;
      }
      for (std::uint32_t c = 0; c < cell.children; ++c) build(cell.first_child + c, depth + 1);
      for (std::uint32_t c = 0; c < cell.children; ++c) {
        const Cell& child = cells[cell.first_child + c];
        cell.mass += child.mass;
        cell.x += child.mass * child.x, cell.y += child.mass * child.y, cell.z += child.mass * child.z;
      }
    } else {
      for (std::uint32_t p = cell.begin; p < cell.end; ++p) {
        cell.mass += mass[p];
        cell.x += mass[p] * x[p], cell.y += mass[p] * y[p], cell.z += mass[p] * z[p];
      }
    }
    if (cell.mass > 0) cell.x /= cell.mass, cell.y /= cell.mass, cell.z /= cell.mass;
    cells[index] = cell;
  }

  std::size_t n_;
  std::vector<std::uint64_t> sorted_keys_;
};

}  // namespace

void tree_accelerations(Positions pos, std::span<const double> m, double softening, double theta, Accelerations acc) {
  const Octree tree(pos, m);
  const double eps2 = softening * softening, theta2 = theta * theta;
  const std::ptrdiff_t n = static_cast<std::ptrdiff_t>(pos.size());
#pragma omp parallel
  {
    std::vector<std::uint32_t> stack;
#pragma omp for schedule(dynamic, 64)
    for (std::ptrdiff_t p = 0; p < n; ++p) {
      const double xi = tree.x[p], yi = tree.y[p], zi = tree.z[p];
      double ax = 0, ay = 0, az = 0;
      const auto pull = [&](double dx, double dy, double dz, double mass) {
        const double r2 = dx * dx + dy * dy + dz * dz + eps2;
        const double s = r2 > 0 ? mass / (r2 * std::sqrt(r2)) : 0.0;
        ax += s * dx, ay += s * dy, az += s * dz;
      };
      stack.assign(1, 0);
      while (!stack.empty()) {
        const Cell& cell = tree.cells[stack.back()];
        stack.pop_back();
        const double dx = cell.x - xi, dy = cell.y - yi, dz = cell.z - zi;
        const bool inside = cell.begin <= p && p < static_cast<std::ptrdiff_t>(cell.end);
        if (!inside && cell.side * cell.side < theta2 * (dx * dx + dy * dy + dz * dz)) {
          pull(dx, dy, dz, cell.mass);  // far enough: the whole cell as one body
        } else if (cell.children == 0) {
          for (std::uint32_t q = cell.begin; q < cell.end; ++q) {
            if (q != p) pull(tree.x[q] - xi, tree.y[q] - yi, tree.z[q] - zi, tree.mass[q]);
          }
        } else {
          for (std::uint32_t c = 0; c < cell.children; ++c) stack.push_back(cell.first_child + c);
        }
      }
      const std::uint32_t i = tree.order[p];
      acc.x[i] = ax, acc.y[i] = ay, acc.z[i] = az;
    }
  }
}

}  // namespace hpc::lab07
