// The given `nbody` program (not graded): bad input gets a clear message and exit code 2, never a
// crash; a good run writes its snapshots and diagnostics (with the reference solution).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

namespace {

struct Outcome {
  int code;
  std::string output;
};

Outcome nbody(const std::string& arguments) {
  const std::string command = std::string(NBODY_PROGRAM) + " " + arguments + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  Outcome run{-1, ""};
  char buffer[512];
  while (pipe && fgets(buffer, sizeof buffer, pipe)) run.output += buffer;
  const int status = pipe ? pclose(pipe) : -1;
  run.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

std::filesystem::path scratch(const std::string& name) {
  return std::filesystem::temp_directory_path() / ("nbody-test-" + std::to_string(::getpid()) + "-" + name);
}

TEST(NbodyProgram, BadInputIsRefusedWithAReason) {
  const std::string out = " --out " + scratch("bad").string();
  const struct {
    std::string arguments, reason;
  } cases[] = {{"--ic galaxy --steps 1 --dt 0.1" + out, "unknown initial condition 'galaxy'"},
               {"--ic plummer --n 0 --steps 1 --dt 0.1" + out, "--n must be a positive"},
               {"--ic plummer --n 10 --steps 1 --dt -1" + out, "--dt must be positive"},
               {"--ic plummer --n ten --steps 1 --dt 0.1" + out, "--n takes a number"},
               {"--ic figure-eight --steps 1 --dt 0.1", "--out FOLDER is missing"},
               {"--ic figure-eight --steps 1 --dt 0.1 --method fmm" + out, "--method is direct or tree"}};
  for (const auto& c : cases) {
    const Outcome run = nbody(c.arguments);
    EXPECT_EQ(run.code, 2) << c.arguments << "\n" << run.output;
    EXPECT_NE(run.output.find(c.reason), std::string::npos) << c.arguments << "\n" << run.output;
  }
}

TEST(NbodyProgram, AnUnwritableOutputFolderIsReported) {
  const Outcome run = nbody("--ic figure-eight --steps 1 --dt 0.1 --out /proc/no-such-folder");
  EXPECT_EQ(run.code, 1) << run.output;
  EXPECT_NE(run.output.find("cannot write into the output folder"), std::string::npos) << run.output;
}

TEST(NbodyProgram, ARunWritesSnapshotsAndDiagnostics) {
  const auto folder = scratch("run");
  const Outcome run = nbody("--ic figure-eight --steps 20 --dt 0.001 --every 10 --out " + folder.string());
  if (run.output.find("not implemented yet") != std::string::npos) GTEST_SKIP() << "the starter: nothing to run";
  EXPECT_EQ(run.code, 0) << run.output;
  EXPECT_TRUE(std::filesystem::exists(folder / "run.json"));
  EXPECT_TRUE(std::filesystem::exists(folder / "snapshot_000020.bin"));
  EXPECT_TRUE(std::filesystem::exists(folder / "diagnostics.csv"));
  std::filesystem::remove_all(folder);
}

}  // namespace
