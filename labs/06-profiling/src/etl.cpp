#include "hpc/todo.hpp"
#include "lab06/etl.hpp"

namespace hpc::lab06 {

// TODO(student): Part 2, Streaming ETL (test_etl: your report must equal the slow version's byte for
// byte on small files with every awkward case, and on a file larger than the memory you may use;
// perf_etl: your speed on a 1 GiB file against baseline/etl_baseline.cpp, interleaved).
// Profile the slow version first (perf record, or your own profiler): where does its time go?
// Then build a bounded oneTBB pipeline, tbb::parallel_pipeline(tokens, read & parse & merge):
//  1. read (serial_in_order): large blocks (a few MiB) with ::read, each cut after its last '\n'
//     (the partial line starts the next block); line 1 is the header;
//  2. parse (parallel): split and check each line by the rules of include/lab06/etl.hpp with
//     std::string_view (no std::string per field), add valid rows into per-thread totals
//     (tbb::enumerable_thread_specific): sums, counts, min and max do not depend on the order;
//  3. merge (serial_in_order): turn each block's malformed rows into file line numbers.
// Then merge the per-thread totals and print the report exactly as the header says. Never map or
// read the whole file: the tests give you far less memory than the file's size.
std::string summarize_transactions(const std::string& path, const EtlQuery& query) {
  hpc::todo("summarize_transactions");
}

}  // namespace hpc::lab06
