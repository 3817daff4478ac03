// What Lab 06's runner serves (hpc/remote_runner.hpp): your functions, and the given profiled
// programs, which run in the runner because they call your profiler.
#include "hpc/remote_runner.hpp"
#include "lab06/classify.hpp"
#include "lab06/hotspots.hpp"
#include "lab06/http_client.hpp"
#include "lab06/int8_inference.hpp"
#include "lab06/etl.hpp"
#include "lab06/etl_inputs.hpp"
#include "lab06/memory_tracker.hpp"
#include "lab06/profiler.hpp"
#include "lab06/roofline.hpp"
#include "lab06/scaling.hpp"
#include "lab06/workloads.hpp"
#include "lab06_codecs.hpp"

std::vector<hpc::remote::Export> hpc::remote::exports() {
  using namespace hpc::lab06;
  return {
      exported("profiler_reset", &profiler_reset),
      exported("profiler_report", &profiler_report),
      exported("folded_stacks", &folded_stacks),
      exported("chrome_trace", &chrome_trace),
      exported("synthetic_workload", &synthetic_workload),
      exported("nested_scopes", &nested_scopes),
      exported("memory_reset", &memory_reset),
      exported("memory_stats", &memory_stats),
      exported("memory_by_scope", &memory_by_scope),
      exported("memory_leaks", &memory_leaks),
      exported("known_allocations", &known_allocations),
      exported("threaded_allocations", &threaded_allocations),
      exported("frees_of_unknown_blocks", &frees_of_unknown_blocks),
      exported("hot_spot_findings", &hot_spot_findings),
      exported("analyze_access_log", &analyze_access_log),
      exported("classify", &classify),
      exported("amdahl_serial_fraction", &amdahl_serial_fraction),
      exported("amdahl_speedup", &amdahl_speedup),
      exported("gustafson_speedup", &gustafson_speedup),
      exported("karp_flatt", &karp_flatt),
      exported("fma_chains", &fma_chains),
      exported("triad", &triad),
      exported("kernel_traffic", &kernel_traffic),
      exported("attainable_flops", &attainable_flops),
      exported("bound_of", &bound_of),
      exported("fetch_all", &fetch_all),
      exported("quantize_multiplier", &quantize_multiplier),
      exported("requantize", &requantize),
      exported("int8_load_model", &int8_load_model),
      exported("int8_uses_dot_product_instructions", &int8_uses_dot_product_instructions),
      exported("int8_classify", &int8_classify),
      exported("int8_logits", &int8_logits),
      exported("int8_cache_stats", &int8_cache_stats),
      exported("summarize_transactions", &summarize_transactions),
      // Given: Part 2's input files, written where the runner can read them (lab06/etl_inputs.hpp).
      exported("place_transactions", &place_transactions),
      exported("place_input_file", &place_input_file),
      exported("remove_input_file", &remove_input_file),
  };
}
