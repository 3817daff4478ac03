#include "hpc/todo.hpp"
#include "lab07/barnes_hut.hpp"

namespace hpc::lab07 {

// TODO(student): task 3 (9 points: test_barnes_hut, perf_barnes_hut). Approximate the direct
// sum in O(n log n) (lab07/barnes_hut.hpp):
//  1. Morton keys: each coordinate scaled to 21 bits in the bounding cube, bits interleaved.
//  2. Sort the bodies by key (copy their coordinates in that order).
//  3. Build the octree top-down: a cell's bodies are a run of the sorted keys, its children
//     split that run by the next 3 bits; small runs (say 8 bodies) are leaves.
//  4. Each cell's mass and centre of mass.
//  5. For every body (in parallel): walk from the root; a cell of side s at distance d, not
//     holding the body, acts as one body at its centre of mass when s < theta * d; otherwise
//     visit its children, or in a leaf its bodies. Same softened formula as the direct sum.
// Graded: the error against the direct sum at theta 0.3, 0.5, 0.7 (and that it falls with
// theta), and the speed against the direct sum at n = 8192.
void tree_accelerations(Positions pos, std::span<const double> m, double softening, double theta, Accelerations acc) {
  hpc::todo("tree_accelerations");
}

}  // namespace hpc::lab07
