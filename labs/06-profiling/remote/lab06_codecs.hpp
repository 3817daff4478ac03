// How Lab 06's report entries cross from the runner (hpc/remote_codec.hpp): field by field.
#pragma once

#include <tuple>

#include "hpc/remote_codec.hpp"
#include "lab06/classify.hpp"
#include "lab06/hotspots.hpp"
#include "lab06/http_client.hpp"
#include "lab06/memory_tracker.hpp"
#include "lab06/profiler.hpp"

template <>
struct hpc::remote::Fields<hpc::lab06::ScopeStats> {
  static auto of(auto& s) { return std::tie(s.path, s.calls, s.inclusive_seconds, s.exclusive_seconds); }
};

template <>
struct hpc::remote::Fields<hpc::lab06::MemoryStats> {
  static auto of(auto& s) { return std::tie(s.current_bytes, s.peak_bytes, s.allocations, s.frees); }
};

template <>
struct hpc::remote::Fields<hpc::lab06::ScopeMemory> {
  static auto of(auto& s) { return std::tie(s.path, s.allocations, s.bytes); }
};

template <>
struct hpc::remote::Fields<hpc::lab06::RunProfile> {
  static auto of(auto& r) {
    return std::tie(r.wall_seconds, r.user_seconds, r.system_seconds, r.threads, r.cores, r.voluntary_switches,
                    r.involuntary_switches, r.read_bytes, r.write_bytes, r.rss_mib, r.thread_cpu_seconds);
  }
};

template <>
struct hpc::remote::Fields<hpc::lab06::Finding> {
  static auto of(auto& f) { return std::tie(f.function, f.inclusive_percent, f.kind); }
};

template <>
struct hpc::remote::Fields<hpc::lab06::HotSpotFindings> {
  static auto of(auto& f) { return std::tie(f.seed, f.findings); }
};

template <>
struct hpc::remote::Fields<hpc::lab06::FetchResult> {
  static auto of(auto& r) { return std::tie(r.status, r.body, r.error, r.attempts, r.from_cache); }
};
