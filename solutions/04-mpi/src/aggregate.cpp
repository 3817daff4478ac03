// Exercise 5 — reference solution.
#include "lab04/aggregate.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "lab04/comm.hpp"

namespace hpc::lab04 {
namespace {

// The file, closed on every way out (an exception included).
class File {
 public:
  explicit File(const std::string& path) : fd_(::open(path.c_str(), O_RDONLY)) {
    if (fd_ < 0) throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
  }
  ~File() { ::close(fd_); }
  File(const File&) = delete;
  File& operator=(const File&) = delete;

  std::uint64_t size() const {
    struct stat info {};
    if (::fstat(fd_, &info) != 0) throw std::runtime_error(std::string("fstat: ") + std::strerror(errno));
    return static_cast<std::uint64_t>(info.st_size);
  }
  // Up to `count` bytes from `offset`; 0 at the end of the file.
  std::size_t read_at(char* into, std::size_t count, std::uint64_t offset) const {
    const ssize_t got = ::pread(fd_, into, count, static_cast<off_t>(offset));
    if (got < 0) throw std::runtime_error(std::string("pread: ") + std::strerror(errno));
    return static_cast<std::size_t>(got);
  }

 private:
  int fd_;
};

// Reads the lines whose first byte lies in [begin, end), chunk by chunk, and feeds them to `add`.
template <class Add>
void for_each_line_in_range(const File& file, std::uint64_t begin, std::uint64_t end, std::size_t chunk_bytes,
                            Add&& add) {
  // Starting one byte early tells whether `begin` starts a line: if byte begin-1 is '\n', the
  // skipped "partial line" is empty and the line at `begin` is ours.
  std::uint64_t offset = begin == 0 ? 0 : begin - 1;
  bool skipping = begin != 0;
  std::uint64_t line_start = offset;
  std::string pending;  // a line cut by a chunk boundary
  std::vector<char> chunk(chunk_bytes);
  while (skipping || line_start < end) {
    const std::size_t got = file.read_at(chunk.data(), chunk.size(), offset);
    if (got == 0) break;
    const char* p = chunk.data();
    const char* stop = p + got;
    while (p < stop && (skipping || line_start < end)) {
      const char* newline = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(stop - p)));
      if (newline == nullptr) {
        if (!skipping) pending.append(p, stop);
        break;
      }
      if (skipping) {
        skipping = false;
      } else if (pending.empty()) {
        add(std::string_view(p, static_cast<std::size_t>(newline - p)));
      } else {
        pending.append(p, newline);
        add(std::string_view(pending));
        pending.clear();
      }
      line_start = offset + static_cast<std::uint64_t>(newline - chunk.data()) + 1;
      p = newline + 1;
    }
    offset += got;
  }
  if (!skipping && !pending.empty() && line_start < end) add(std::string_view(pending));  // no final '\n'
}

}  // namespace

Aggregates aggregate_readings(MPI_Comm comm, const std::string& path, int station_count, std::size_t chunk_bytes) {
  if (station_count <= 0 || chunk_bytes == 0) throw std::invalid_argument("aggregate_readings: bad arguments");
  const int rank = rank_of(comm), size = size_of(comm);
  const File file(path);
  const Block range = block_of(file.size(), size, rank);

  const auto stations = static_cast<std::size_t>(station_count);
  std::vector<std::uint64_t> counts(stations, 0);
  std::vector<double> sums(stations, 0.0), mins(stations, Stats{}.min), maxs(stations, Stats{}.max);
  for_each_line_in_range(file, range.begin, range.end, chunk_bytes, [&](std::string_view line) {
    int station = 0;
    double reading = 0;
    if (!parse_reading(line, station, reading) || station < 0 || station >= station_count) return;
    const auto k = static_cast<std::size_t>(station);
    ++counts[k];
    sums[k] += reading;
    mins[k] = std::min(mins[k], reading);
    maxs[k] = std::max(maxs[k], reading);
  });

  // Four reductions, one per kind of aggregate, each over every station at once; in place on the
  // root (its own partial results are the buffer the others' are combined into).
  const bool root = rank == 0;
  const int n = station_count;
  MPI_Reduce(root ? MPI_IN_PLACE : counts.data(), counts.data(), n, MPI_UINT64_T, MPI_SUM, 0, comm);
  MPI_Reduce(root ? MPI_IN_PLACE : sums.data(), sums.data(), n, MPI_DOUBLE, MPI_SUM, 0, comm);
  MPI_Reduce(root ? MPI_IN_PLACE : mins.data(), mins.data(), n, MPI_DOUBLE, MPI_MIN, 0, comm);
  MPI_Reduce(root ? MPI_IN_PLACE : maxs.data(), maxs.data(), n, MPI_DOUBLE, MPI_MAX, 0, comm);
  if (!root) return {};

  Aggregates result;
  result.by_station.resize(stations);
  for (std::size_t k = 0; k < stations; ++k) {
    Stats& s = result.by_station[k];
    s = {counts[k], sums[k], mins[k], maxs[k]};
    result.total.count += s.count;
    result.total.sum += s.sum;
    result.total.min = std::min(result.total.min, s.min);
    result.total.max = std::max(result.total.max, s.max);
  }
  return result;
}

}  // namespace hpc::lab04
