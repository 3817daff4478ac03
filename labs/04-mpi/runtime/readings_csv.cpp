// Given code: the readings file of exercise 5, written and parsed.
#include <charconv>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "hpc/rng.hpp"
#include "lab04/aggregate.hpp"

namespace hpc::lab04 {

void write_readings_csv(const std::string& path, std::uint64_t rows, int station_count, std::uint64_t seed) {
  if (station_count <= 0) throw std::invalid_argument("write_readings_csv: station_count must be positive");
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error("write_readings_csv: cannot create " + path);
  out << "station,reading\n";
  Rng rng = Rng::stream(seed, 0);
  char line[64];
  for (std::uint64_t i = 0; i < rows; ++i) {
    const auto station = static_cast<int>(rng.next() % static_cast<std::uint64_t>(station_count));
    // Readings in hundredths, -40.00 .. 59.99, written exactly as the parser will read them back.
    const long hundredths = static_cast<long>(rng.next() % 10000) - 4000;
    const int length = std::snprintf(line, sizeof line, "%d,%s%ld.%02ld\n", station, hundredths < 0 ? "-" : "",
                                     std::labs(hundredths) / 100, std::labs(hundredths) % 100);
    out.write(line, length);
  }
  if (!out.flush()) throw std::runtime_error("write_readings_csv: cannot write " + path);
}

bool parse_reading(std::string_view line, int& station, double& reading) {
  const auto comma = line.find(',');
  if (comma == std::string_view::npos) return false;
  const char* end = line.data() + line.size();
  const auto [after_station, station_error] = std::from_chars(line.data(), line.data() + comma, station);
  if (station_error != std::errc() || after_station != line.data() + comma) return false;
  const auto [after_reading, reading_error] = std::from_chars(line.data() + comma + 1, end, reading);
  return reading_error == std::errc() && after_reading == end;
}

}  // namespace hpc::lab04
