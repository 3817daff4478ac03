#include <gtest/gtest.h>

#include <sys/resource.h>

#include <cmath>
#include <fstream>

#include "baseline.hpp"
#include "hpc/data.hpp"
#include "lab04/aggregate.hpp"
#include "lab04_testing.hpp"

namespace {

using namespace hpc::lab04;
using namespace lab04_testing;

constexpr int kStations = 50;

void write_file(const SharedFile& file, std::uint64_t rows, int stations = kStations) {
  if (world_rank() == 0) write_readings_csv(file.path(), rows, stations, hpc::test_seed());
  MPI_Barrier(MPI_COMM_WORLD);
}

void expect_same_stats(const Stats& actual, const Stats& expected, const std::string& what) {
  EXPECT_EQ(actual.count, expected.count) << what;
  EXPECT_NEAR(actual.sum, expected.sum, 1e-9 * std::max(1.0, std::abs(expected.sum)) + 1e-6) << what;
  EXPECT_EQ(actual.min, expected.min) << what;
  EXPECT_EQ(actual.max, expected.max) << what;
}

// Rank 0's result must equal the serial one: every line counted exactly once.
void expect_matches_serial(const SharedFile& file, std::size_t chunk_bytes, int stations = kStations,
                           MPI_Comm comm = MPI_COMM_WORLD) {
  const Aggregates actual = aggregate_readings(comm, file.path(), stations, chunk_bytes);
  if (rank_of(comm) != 0) return;
  const Aggregates expected = baseline::aggregate_readings(file.path(), stations);
  const std::string where =
      "chunk_bytes " + std::to_string(chunk_bytes) + ", " + std::to_string(size_of(comm)) + " rank(s)";
  expect_same_stats(actual.total, expected.total, "total, " + where);
  ASSERT_EQ(actual.by_station.size(), static_cast<std::size_t>(stations));
  for (int k = 0; k < stations; ++k) {
    expect_same_stats(actual.by_station[static_cast<std::size_t>(k)], expected.by_station[static_cast<std::size_t>(k)],
                      "station " + std::to_string(k) + ", " + where);
  }
}

TEST(Aggregate, MatchesTheSerialScan) {
  SharedFile file("readings");
  write_file(file, 200'000);
  expect_matches_serial(file, 64 * 1024);
}

TEST(Aggregate, ChunksSmallerThanALine) {
  // 7-byte chunks cut nearly every line, and the range boundaries fall anywhere.
  SharedFile file("tiny-chunks");
  write_file(file, 3'001);
  expect_matches_serial(file, 7);
  expect_matches_serial(file, 1);
}

TEST(Aggregate, OneRankReadsTheWholeFile) {
  SharedFile file("one-rank");
  write_file(file, 10'000);
  // No collective call after this one: a rank that stopped at an exception must not leave the
  // others waiting (SharedFile's destructor is the one barrier every rank reaches).
  if (world_rank() == 0) expect_matches_serial(file, 4096, kStations, MPI_COMM_SELF);
}

TEST(Aggregate, FewerLinesThanRanksAndNoFinalNewline) {
  SharedFile file("short");
  if (world_rank() == 0) {
    std::ofstream out(file.path(), std::ios::binary);
    out << "station,reading\n3,1.50\n4,-2.25";  // two rows, the last one unterminated
  }
  MPI_Barrier(MPI_COMM_WORLD);
  expect_matches_serial(file, 5, 5);
  const Aggregates result = aggregate_readings(MPI_COMM_WORLD, file.path(), 5, 1 << 16);
  if (world_rank() == 0) {
    EXPECT_EQ(result.total.count, 2u);
    EXPECT_EQ(result.total.max, 1.5);
    EXPECT_EQ(result.total.min, -2.25);
  }
}

TEST(Aggregate, EveryLineOnceWhereverTheRangesCutIt) {
  // Lines "11111,1": a range boundary inside "11111" leaves "111,1", a valid line of station 111,
  // so a rank that does not skip its partial first line counts it twice; a boundary right at a
  // line's start must not lose that line. Header lengths 16..31 move the boundaries through
  // every position in a line.
  const std::uint64_t rows = 997;
  for (int padding = 0; padding < 16; ++padding) {
    SharedFile file("boundaries-" + std::to_string(padding));
    if (world_rank() == 0) {
      std::ofstream out(file.path(), std::ios::binary);
      out << "station,reading" << std::string(static_cast<std::size_t>(padding), ' ') << "\n";
      for (std::uint64_t i = 0; i < rows; ++i) out << "11111,1\n";
    }
    MPI_Barrier(MPI_COMM_WORLD);
    const Aggregates result = aggregate_readings(MPI_COMM_WORLD, file.path(), 20'000, 3);
    if (world_rank() == 0) {
      EXPECT_EQ(result.total.count, rows) << "header padding " << padding;
      EXPECT_EQ(result.by_station.at(11111).count, rows) << "header padding " << padding;
    }
  }
}

long max_resident_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

TEST(Aggregate, ReadsInChunksNotTheWholeRange) {
  // About 90 MB of readings: on 4 ranks each range is still about 22 MB, twice the 12 MiB a rank
  // may add to its peak memory while aggregating with 1 MiB chunks.
  SharedFile file("large");
  write_file(file, 10'000'000);
  const long before = max_resident_kib();
  expect_matches_serial(file, 1 << 20);
  if (world_rank() != 0) {
    EXPECT_LT(max_resident_kib() - before, 12 * 1024) << "peak memory (KiB) grew by more than 12 MiB";
  }
}

}  // namespace
