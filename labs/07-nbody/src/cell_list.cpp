#include "hpc/todo.hpp"
#include "lab07/cell_list.hpp"

namespace hpc::lab07 {

// TODO(student): task 4 (6 points: test_cell_list, perf_cell_list). Every pair of bodies closer
// than radius, i < j, sorted (lab07/cell_list.hpp), in O(n):
//  1. Cut the bounding box into cubic cells of side >= radius (cap the number of cells at a few
//     per body: a tiny radius must not make a huge, empty grid).
//  2. Sort the bodies by cell (a counting sort: count, prefix sums, place).
//  3. Compare each body with the bodies of its own cell and the 26 around it, keeping j > i,
//     with exactly dx*dx + dy*dy + dz*dz < radius*radius (dx = x[i] - x[j]).
// Graded: the same pairs as checking every pair, and the speed against that at n = 20000.
std::vector<Pair> close_pairs(Positions pos, double radius) { hpc::todo("close_pairs"); }

}  // namespace hpc::lab07
