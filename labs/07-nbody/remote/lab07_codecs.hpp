// How Lab 07's views cross to the runner (hpc/remote_codec.hpp): span by span. Accelerations and
// State hold writable spans: what the runner writes there comes back (or is written in place,
// for spans of an OutputArray).
#pragma once

#include <tuple>

#include "hpc/remote_codec.hpp"
#include "lab07/bodies.hpp"

template <>
struct hpc::remote::Fields<hpc::lab07::Positions> {
  static auto of(auto& p) { return std::tie(p.x, p.y, p.z); }
};

template <>
struct hpc::remote::Fields<hpc::lab07::Accelerations> {
  static auto of(auto& a) { return std::tie(a.x, a.y, a.z); }
};

template <>
struct hpc::remote::Fields<hpc::lab07::State> {
  static auto of(auto& s) { return std::tie(s.x, s.y, s.z, s.vx, s.vy, s.vz, s.m); }
};
