#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <variant>
#include <vector>

#include "baseline.hpp"
#include "hpc/data.hpp"

namespace {

namespace lab = hpc::lab01;

// A table like the ones pandas users shrink: ids up to a million, small ages and categories,
// scores on a 0.25 grid (exact in float) and prices in cents (not exact in float).
std::vector<lab::Record> make_records(std::size_t n, std::uint64_t seed) {
  const auto ids = hpc::random_ints(n, seed, 0, 1'000'000);
  const auto ages = hpc::random_ints(n, seed + 1, 0, 120);
  const auto categories = hpc::random_ints(n, seed + 2, 0, 9);
  const auto quarters = hpc::random_ints(n, seed + 3, 0, 400);
  const auto cents = hpc::random_ints(n, seed + 4, 1, 10'000'000);
  std::vector<lab::Record> records(n);
  for (std::size_t i = 0; i < n; ++i) {
    records[i] = {ids[i], ages[i], categories[i], static_cast<double>(quarters[i]) * 0.25,
                  static_cast<double>(cents[i]) / 100.0};
  }
  return records;
}

TEST(MemoryLayout, RoundTripIsExact) {
  const auto records = make_records(10'007, hpc::test_seed());
  const auto table = lab::compact(records);
  ASSERT_EQ(table.size(), records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto r = table.at(i);
    ASSERT_EQ(r.id, records[i].id) << i;
    ASSERT_EQ(r.age, records[i].age) << i;
    ASSERT_EQ(r.category, records[i].category) << i;
    ASSERT_EQ(r.score, records[i].score) << i;
    ASSERT_EQ(r.price, records[i].price) << i;
  }
}

TEST(MemoryLayout, ChoosesTheNarrowestTypes) {
  const auto table = lab::compact(make_records(5'000, hpc::test_seed()));
  EXPECT_TRUE(std::holds_alternative<std::vector<std::int32_t>>(table.id));
  EXPECT_TRUE(std::holds_alternative<std::vector<std::int8_t>>(table.age));
  EXPECT_TRUE(std::holds_alternative<std::vector<std::int8_t>>(table.category));
  EXPECT_TRUE(std::holds_alternative<std::vector<float>>(table.score));
  EXPECT_TRUE(std::holds_alternative<std::vector<double>>(table.price));
}

TEST(MemoryLayout, SavesTheExpectedBytes) {
  const std::size_t n = 100'000;
  const auto table = lab::compact(make_records(n, hpc::test_seed()));
  // id int32 (4) + age int8 (1) + category int8 (1) + score float (4) + price double (8)
  EXPECT_EQ(table.bytes(), n * 18);
  EXPECT_EQ(n * sizeof(lab::Record), n * 40);
  std::cout << "[ MEMORY   ] " << n * sizeof(lab::Record) << " bytes as structs -> " << table.bytes()
            << " bytes as narrow columns (" << 100.0 * (1 - 18.0 / 40.0) << "% saved)\n";
}

TEST(MemoryLayout, IntegerBoundariesAreExact) {
  using I = std::int64_t;
  const auto column_index = [](std::vector<I> v) { return lab::narrowest_int_column(v).index(); };
  EXPECT_EQ(column_index({-128, 127}), 0u);
  EXPECT_EQ(column_index({-129, 0}), 1u);
  EXPECT_EQ(column_index({0, 128}), 1u);
  EXPECT_EQ(column_index({-32768, 32767}), 1u);
  EXPECT_EQ(column_index({32768}), 2u);
  EXPECT_EQ(column_index({std::numeric_limits<std::int32_t>::min()}), 2u);
  EXPECT_EQ(column_index({I{1} << 31}), 3u);
  EXPECT_EQ(column_index({std::numeric_limits<I>::min(), std::numeric_limits<I>::max()}), 3u);
  EXPECT_EQ(column_index({}), 0u);
}

TEST(MemoryLayout, RealColumnsNarrowOnlyWhenExact) {
  EXPECT_TRUE(
      std::holds_alternative<std::vector<float>>(lab::narrowest_real_column(std::vector<double>{0.5, -2, 1e10})));
  EXPECT_TRUE(std::holds_alternative<std::vector<double>>(lab::narrowest_real_column(std::vector<double>{0.5, 0.1})));
  EXPECT_TRUE(std::holds_alternative<std::vector<double>>(lab::narrowest_real_column(std::vector<double>{1e300})));
  const auto with_nan = lab::narrowest_real_column(std::vector<double>{1.0, std::nan("")});
  ASSERT_TRUE(std::holds_alternative<std::vector<float>>(with_nan));
  EXPECT_TRUE(std::isnan(std::get<std::vector<float>>(with_nan)[1]));
}

}  // namespace
