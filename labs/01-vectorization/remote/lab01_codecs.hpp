// How Lab 01's structs that hold vectors cross to the runner (hpc/remote_codec.hpp): field by field.
#pragma once

#include <tuple>

#include "hpc/remote_codec.hpp"
#include "lab01/convolution.hpp"
#include "lab01/memory_layout.hpp"

template <>
struct hpc::remote::Fields<hpc::lab01::Image> {
  static auto of(auto& image) { return std::tie(image.rows, image.cols, image.pixels); }
};

template <>
struct hpc::remote::Fields<hpc::lab01::CompactRecords> {
  static auto of(auto& records) {
    return std::tie(records.id, records.age, records.category, records.score, records.price);
  }
};
