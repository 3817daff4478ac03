// hpc::Report, the shared part of the labs' report programs: arguments, sections that throw, the file.
#include "hpc/report.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Args {
  std::vector<std::string> words;
  std::vector<char*> argv;
  explicit Args(std::vector<std::string> w) : words(std::move(w)) {
    for (auto& word : words) argv.push_back(word.data());
  }
  int argc() const { return static_cast<int>(argv.size()); }
};

TEST(Report, SectionsThatThrowAreListedAndTheOthersKept) {
  const auto folder = std::filesystem::temp_directory_path() / ("hpc-report-" + std::to_string(::getpid()));
  Args args({"report_demo", "--out", folder.string(), "--quick"});
  hpc::Report report("report_demo", args.argc(), args.argv.data());
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report.quick());
  report.section("fine", [] { return std::string("[1, 2]"); });
  report.section("broken", []() -> std::string { throw std::logic_error("not implemented yet: \"x\""); });
  EXPECT_EQ(report.finish(), 0);
  const std::string json = read(folder / "report.json");
  EXPECT_NE(json.find("\"fine\": [1, 2]"), std::string::npos) << json;
  EXPECT_NE(json.find("\"errors\": {\"broken\": \"not implemented yet: \\\"x\\\"\"}"), std::string::npos) << json;
  EXPECT_NE(json.find("\"quick\": true"), std::string::npos) << json;
  std::filesystem::remove_all(folder);
}

TEST(Report, BadArgumentsAndUnwritableFoldersAreRefused) {
  Args none({"report_demo"}), unknown({"report_demo", "--fast"}), nowhere({"report_demo", "--out", "/proc/no/such"});
  EXPECT_EQ(hpc::Report("report_demo", none.argc(), none.argv.data()).exit_code(), 2);
  EXPECT_EQ(hpc::Report("report_demo", unknown.argc(), unknown.argv.data()).exit_code(), 2);
  EXPECT_EQ(hpc::Report("report_demo", nowhere.argc(), nowhere.argv.data()).exit_code(), 1);
}

TEST(Report, JsonQuotingEscapesWhatWouldBreakTheFile) {
  EXPECT_EQ(hpc::json_quoted("a\"b\\c\nd"), "\"a\\\"b\\\\c d\"");
}

}  // namespace
