// How remote_test_api.hpp's structs cross to the runner.
#pragma once

#include <chrono>
#include <cstring>
#include <thread>
#include <tuple>

#include "hpc/remote_codec.hpp"
#include "remote_test_api.hpp"

template <>
struct hpc::remote::Fields<hpc::remote_test::Named> {
  static auto of(auto& named) { return std::tie(named.name, named.values, named.column); }
};

template <>
struct hpc::remote::Codec<hpc::remote_test::SlowToDecode> {
  static void put(Writer& w, const hpc::remote_test::SlowToDecode& s) { w.put(&s.value, sizeof s.value, alignof(int)); }
  static hpc::remote_test::SlowToDecode get(Reader& r) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // work where a copy was expected
    hpc::remote_test::SlowToDecode s{};
    std::memcpy(&s.value, r.take(sizeof s.value, alignof(int)), sizeof s.value);
    return s;
  }
};
