// What a lab's report program shares (Labs 06 and 07: `./grade NN --bench` runs it with
// `--out FOLDER`, a renderer in plots/ draws FOLDER/report.json):
//
//   int main(int argc, char** argv) {
//     hpc::Report report("report_nbody", argc, argv);    // --out FOLDER [--quick]
//     if (!report.ok()) return report.exit_code();       // bad arguments or folder, said why
//     report.section("time_vs_n", [&] { return measure(report.quick()); });   // a JSON value
//     return report.finish();                            // writes FOLDER/report.json
//   }
//
// A section that throws (student code not written yet) is recorded under "errors" with the reason,
// and the others still run.
#pragma once

#include <functional>
#include <string>

namespace hpc {

// `text` as a JSON string literal (quotes and backslashes escaped, control characters as spaces).
std::string json_quoted(const std::string& text);

class Report {
 public:
  Report(std::string program, int argc, char** argv);
  bool ok() const { return exit_code_ == 0; }
  int exit_code() const { return exit_code_; }
  const std::string& folder() const { return folder_; }
  bool quick() const { return quick_; }  // --quick: small sizes, for a smoke test

  void section(const std::string& name, const std::function<std::string()>& measure);
  int finish();

 private:
  std::string program_, folder_, json_, errors_;
  bool quick_ = false;
  int exit_code_ = 0;
};

}  // namespace hpc
