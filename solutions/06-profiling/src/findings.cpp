#include "lab06/hotspots.hpp"

namespace hpc::lab06 {

// Found with callgrind on seed 20261206 (30 000 lines), shares as callgrind_annotate --inclusive=yes
// reports them; the kinds from perf (where the cycles go), heaptrack (allocations per call) and
// reading the hot code.
HotSpotFindings hot_spot_findings() {
  return {20261206,
          {
              {"parse_lines", 50.6, Problem::allocation},
              {"rank_paths", 20.3, Problem::algorithmic},
              {"group_by_path", 7.2, Problem::cache_layout},
              {"count_statuses", 0.8, Problem::lock_contention},
          }};
}

}  // namespace hpc::lab06
