#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "hpc/data.hpp"
#include "lab03/codec.hpp"

namespace {

using namespace hpc::lab03;

TEST(Codec, IntegersRoundTrip) {
  for (std::int64_t v : {std::int64_t{0}, std::int64_t{1}, std::int64_t{-1}, std::int64_t{1} << 40,
                         std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()}) {
    EXPECT_EQ(decode_int(encode_int(v)), v);
    EXPECT_EQ(encode_int(v).size(), 8u);
  }
}

TEST(Codec, DoublesRoundTripBitForBit) {
  auto values = hpc::random_doubles(1001, hpc::test_seed(), -1e300, 1e300);
  values.push_back(-0.0);
  values.push_back(std::numeric_limits<double>::infinity());
  values.push_back(std::numeric_limits<double>::denorm_min());
  const auto back = decode_doubles(encode_doubles(values));
  ASSERT_EQ(back.size(), values.size());
  for (std::size_t i = 0; i < values.size(); ++i) EXPECT_EQ(std::signbit(back[i]), std::signbit(values[i]));
  EXPECT_EQ(back, values);
  EXPECT_TRUE(decode_doubles(encode_doubles({})).empty());
}

TEST(Codec, MalformedBytesAreRejected) {
  EXPECT_THROW(decode_int(Bytes(7)), std::invalid_argument);
  EXPECT_THROW(decode_int(Bytes(9)), std::invalid_argument);
  EXPECT_THROW(decode_doubles(Bytes(12)), std::invalid_argument);
}

}  // namespace
