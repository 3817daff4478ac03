#include "hpc/todo.hpp"
#include "lab06/hotspots.hpp"

namespace hpc::lab06 {

// TODO(student): task 3 (a) (test_hotspots: 3 points). Profile the slow program with the seed of
// your choice (your student number, say):
//   valgrind --tool=callgrind build/student/bin/06-profiling/log_analytics_slow --seed N
//   callgrind_annotate --inclusive=yes callgrind.out.<pid> | head -40
// and with perf and heaptrack (the handout says how). Then fill in the seed and one Finding per
// planted problem: the function's name ("parse_lines"), its inclusive share of all instructions
// as callgrind counts them (e.g. 41.3), and its kind. Graded: the grader runs callgrind on your
// seed; every planted problem must be listed, its share within 5 percentage points, its kind right.
HotSpotFindings hot_spot_findings() { hpc::todo("hot_spot_findings"); }

}  // namespace hpc::lab06
