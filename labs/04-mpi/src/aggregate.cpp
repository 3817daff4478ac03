// Exercise 5 — out-of-core aggregation. Graded by test_aggregate (every line counted once, at any
// chunk size, with bounded memory; on 2 and on 4 ranks). Edit only this file.
#include "hpc/todo.hpp"
#include "lab04/aggregate.hpp"
#include "lab04/comm.hpp"

namespace hpc::lab04 {

Aggregates aggregate_readings(MPI_Comm comm, const std::string& path, int station_count, std::size_t chunk_bytes) {
  // TODO(student):
  //  1. Your byte range: block_of(file size, size, rank) (std::filesystem::file_size).
  //  2. Read from it in chunk_bytes pieces (pread, or std::ifstream::seekg + read), keeping the
  //     piece of a line that a chunk cut in a string. Unless your range starts at 0, skip
  //     everything up to and including the first '\n' at or after byte begin - 1; stop once a line
  //     would start at or after your range's end (finish the line you are in).
  //  3. parse_reading() each line (it rejects the header) and add valid stations to per-station
  //     counts, sums, mins and maxes (one array each).
  //  4. MPI_Reduce each array to rank 0 (MPI_SUM, MPI_SUM, MPI_MIN, MPI_MAX); rank 0 fills and
  //     returns the Aggregates (total = all stations together), the others return {}.
  hpc::todo("aggregate_readings");
}

}  // namespace hpc::lab04
