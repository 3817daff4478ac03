// Exercise 8: memory layout. An array of structs (AoS) stores each record's fields together; a
// struct of arrays (SoA) stores each field contiguously, and each column can then use the
// narrowest type that holds its values exactly (pandas' "downcasting" of a DataFrame).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <type_traits>
#include <variant>
#include <vector>

namespace hpc::lab01 {

// One record as it arrives: 40 bytes, every field at full width.
struct Record {
  std::int64_t id;
  std::int64_t age;
  std::int64_t category;
  double score;
  double price;
};

using IntColumn = std::variant<std::vector<std::int8_t>, std::vector<std::int16_t>, std::vector<std::int32_t>,
                               std::vector<std::int64_t>>;
using RealColumn = std::variant<std::vector<float>, std::vector<double>>;

// The same records as columns, each in its narrowest exact type.
struct CompactRecords {
  IntColumn id, age, category;
  RealColumn score, price;

  std::size_t size() const {
    return std::visit([](const auto& column) { return column.size(); }, id);
  }

  // Bytes of column data (capacity slack not counted).
  std::size_t bytes() const {
    const auto column_bytes = [](const auto& column) {
      return column.size() * sizeof(typename std::decay_t<decltype(column)>::value_type);
    };
    return std::visit(column_bytes, id) + std::visit(column_bytes, age) + std::visit(column_bytes, category) +
           std::visit(column_bytes, score) + std::visit(column_bytes, price);
  }

  // The original record, exactly.
  Record at(std::size_t index) const {
    const auto as_int = [index](const auto& column) { return static_cast<std::int64_t>(column[index]); };
    const auto as_real = [index](const auto& column) { return static_cast<double>(column[index]); };
    return {std::visit(as_int, id), std::visit(as_int, age), std::visit(as_int, category), std::visit(as_real, score),
            std::visit(as_real, price)};
  }
};

// The narrowest signed integer column (int8 < int16 < int32 < int64) that holds every value.
IntColumn narrowest_int_column(std::span<const std::int64_t> values);
// float when every value survives the round trip double -> float -> double exactly, else double.
RealColumn narrowest_real_column(std::span<const double> values);

// AoS -> SoA with every column downcast.
CompactRecords compact(std::span<const Record> records);

}  // namespace hpc::lab01
