#include "baseline.hpp"

namespace hpc::lab01::baseline {

// Reading one field of an array of structs drags the other four through the cache with it.
double mean_price(std::span<const Record> records) {
  double sum = 0;
  for (const Record& r : records) sum += r.price;
  return records.empty() ? 0.0 : sum / static_cast<double>(records.size());
}

}  // namespace hpc::lab01::baseline
