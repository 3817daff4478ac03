// Lab 06's API as the tests see it: every call runs in the lab's runner process (hpc/remote.hpp),
// where your code is, so the tests judge it without linking it. The profiler's scopes are entered
// only there, by the given programs (lab06/workloads.hpp).
#include "hpc/remote.hpp"
#include "lab06/classify.hpp"
#include "lab06/hotspots.hpp"
#include "lab06/http_client.hpp"
#include "lab06/int8_inference.hpp"
#include "lab06/etl.hpp"
#include "lab06/memory_tracker.hpp"
#include "lab06/profiler.hpp"
#include "lab06/roofline.hpp"
#include "lab06/scaling.hpp"
#include "lab06/workloads.hpp"
#include "lab06_codecs.hpp"

namespace hpc::lab06 {

using hpc::remote::call;

void profiler_reset() { return call<decltype(profiler_reset)>("profiler_reset"); }
std::vector<ScopeStats> profiler_report() { return call<decltype(profiler_report)>("profiler_report"); }
std::string folded_stacks() { return call<decltype(folded_stacks)>("folded_stacks"); }
std::string chrome_trace() { return call<decltype(chrome_trace)>("chrome_trace"); }
void synthetic_workload(int workers) { return call<decltype(synthetic_workload)>("synthetic_workload", workers); }
std::uint64_t nested_scopes(long iterations) { return call<decltype(nested_scopes)>("nested_scopes", iterations); }

void memory_reset() { return call<decltype(memory_reset)>("memory_reset"); }
MemoryStats memory_stats() { return call<decltype(memory_stats)>("memory_stats"); }
std::vector<ScopeMemory> memory_by_scope() { return call<decltype(memory_by_scope)>("memory_by_scope"); }
std::vector<ScopeMemory> memory_leaks() { return call<decltype(memory_leaks)>("memory_leaks"); }
void known_allocations() { return call<decltype(known_allocations)>("known_allocations"); }
void threaded_allocations(int workers, int per_thread) {
  return call<decltype(threaded_allocations)>("threaded_allocations", workers, per_thread);
}
void frees_of_unknown_blocks() { return call<decltype(frees_of_unknown_blocks)>("frees_of_unknown_blocks"); }

HotSpotFindings hot_spot_findings() { return call<decltype(hot_spot_findings)>("hot_spot_findings"); }
std::string analyze_access_log(std::string_view log, int k) {
  return call<decltype(analyze_access_log)>("analyze_access_log", log, k);
}

Bottleneck classify(const RunProfile& run) { return call<decltype(classify)>("classify", run); }

double amdahl_serial_fraction(std::span<const Timing> timings) {
  return call<decltype(amdahl_serial_fraction)>("amdahl_serial_fraction", timings);
}
double amdahl_speedup(double f, double cores) { return call<decltype(amdahl_speedup)>("amdahl_speedup", f, cores); }
double gustafson_speedup(double f, double cores) {
  return call<decltype(gustafson_speedup)>("gustafson_speedup", f, cores);
}
double karp_flatt(double speedup, double cores) { return call<decltype(karp_flatt)>("karp_flatt", speedup, cores); }

void fma_chains(std::span<double> acc, double a, double b, long iterations) {
  return call<decltype(fma_chains)>("fma_chains", acc, a, b, iterations);
}
void triad(std::span<double> a, std::span<const double> b, std::span<const double> c, double s) {
  return call<decltype(triad)>("triad", a, b, c, s);
}
Traffic kernel_traffic(Kernel kernel, std::size_t n) {
  return call<decltype(kernel_traffic)>("kernel_traffic", kernel, n);
}
double attainable_flops(double intensity, double peak, double bandwidth) {
  return call<decltype(attainable_flops)>("attainable_flops", intensity, peak, bandwidth);
}
Bound bound_of(double intensity, double peak, double bandwidth) {
  return call<decltype(bound_of)>("bound_of", intensity, peak, bandwidth);
}

std::vector<FetchResult> fetch_all(const std::vector<std::string>& urls, const FetchOptions& options) {
  return call<decltype(fetch_all)>("fetch_all", urls, options);
}
QuantizedMultiplier quantize_multiplier(double real_multiplier) {
  return call<decltype(quantize_multiplier)>("quantize_multiplier", real_multiplier);
}
void requantize(std::span<const std::int32_t> accumulators, QuantizedMultiplier multiplier, std::int32_t zero_point,
                std::span<std::uint8_t> out) {
  return call<decltype(requantize)>("requantize", accumulators, multiplier, zero_point, out);
}
void int8_load_model(std::uint64_t model_seed, std::span<const float> calibration, bool dot_product_instructions) {
  return call<decltype(int8_load_model)>("int8_load_model", model_seed, calibration, dot_product_instructions);
}
bool int8_uses_dot_product_instructions() {
  return call<decltype(int8_uses_dot_product_instructions)>("int8_uses_dot_product_instructions");
}
std::vector<int> int8_classify(std::span<const float> requests, std::size_t max_batch) {
  return call<decltype(int8_classify)>("int8_classify", requests, max_batch);
}
std::vector<float> int8_logits(std::span<const float> requests, std::size_t max_batch) {
  return call<decltype(int8_logits)>("int8_logits", requests, max_batch);
}
Int8CacheStats int8_cache_stats() { return call<decltype(int8_cache_stats)>("int8_cache_stats"); }
std::string summarize_transactions(const std::string& path, const EtlQuery& query) {
  return call<decltype(summarize_transactions)>("summarize_transactions", path, query);
}

}  // namespace hpc::lab06
