// main() of every MPI test program: GoogleTest inside MPI_Init/MPI_Finalize, one report per rank.
//
// Rank 0 prints and writes its report where --gtest_output says; rank r > 0 writes its own as
// <name>.rank<r>.xml next to it (the grader merges them: a failure on any rank fails the test)
// and prints only its failures, prefixed with its rank. The exit status is non-zero on every
// rank if any rank failed, so ctest, mpirun and the grader all agree.
#include <gtest/gtest.h>
#include <mpi.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "hpc/exit_now.hpp"
#include "hpc/timing.hpp"

namespace {

class RankFailurePrinter : public ::testing::EmptyTestEventListener {
 public:
  explicit RankFailurePrinter(int rank) : rank_(rank) {}

  void OnTestPartResult(const ::testing::TestPartResult& result) override {
    if (!result.failed()) return;
    std::cout << "[rank " << rank_ << "] " << (result.file_name() ? result.file_name() : "?") << ":"
              << result.line_number() << ": failure\n"
              << result.message() << std::endl;
  }

 private:
  int rank_;
};

std::string per_rank_output(const std::string& output, int rank) {
  const std::string prefix = "xml:";
  if (output.rfind(prefix, 0) != 0) return output;
  std::string path = output.substr(prefix.size());
  if (path.empty() || path.back() == '/') return output;  // a folder: GoogleTest names the file
  if (path.size() > 4 && path.compare(path.size() - 4, 4, ".xml") == 0) path.resize(path.size() - 4);
  return prefix + path + ".rank" + std::to_string(rank) + ".xml";
}

}  // namespace

int main(int argc, char** argv) {
  hpc::settle_allocator();
  MPI_Init(&argc, &argv);
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  // GoogleTest opens its report while it parses its flags: the report's name must be changed
  // before, in the arguments and in the GTEST_OUTPUT variable.
  std::vector<std::string> renamed;
  renamed.reserve(static_cast<std::size_t>(argc));  // args keep pointers into it
  std::vector<char*> args(argv, argv + argc);
  if (rank != 0) {
    const std::string flag = "--gtest_output=";
    for (char*& arg : args) {
      if (std::string_view(arg).starts_with(flag)) {
        renamed.push_back(flag + per_rank_output(arg + flag.size(), rank));
        arg = renamed.back().data();
      }
    }
    if (const char* env = std::getenv("GTEST_OUTPUT")) setenv("GTEST_OUTPUT", per_rank_output(env, rank).c_str(), 1);
  }
  int count = static_cast<int>(args.size());
  ::testing::InitGoogleTest(&count, args.data());
  if (rank != 0) {
    auto& listeners = ::testing::UnitTest::GetInstance()->listeners();
    delete listeners.Release(listeners.default_result_printer());
    listeners.Append(new RankFailurePrinter(rank));
  }
  const int failed = RUN_ALL_TESTS() != 0 ? 1 : 0;
  int any_failed = 0;
  MPI_Allreduce(&failed, &any_failed, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  MPI_Finalize();
  hpc::exit_now(any_failed);
}
