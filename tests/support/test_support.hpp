#pragma once
// Helpers shared by every test binary.
#include <filesystem>
#include <string>

namespace crus::test {
// ../shared/reference/opensim-rajagopal2016, or empty when absent.
std::filesystem::path reference_dir();
// A fresh, empty folder for one test's files (under the build tree), one
// per process so that tests running in parallel never share it.
std::filesystem::path scratch_dir(const std::string& name);
// Path to the built crus binary.
std::string crus_binary();
// Runs a command, returns its exit status; stdout and stderr captured.
struct CommandResult {
  int status = -1;
  std::string out;
  std::string err;
};
CommandResult run_command(const std::string& command_line);
std::string source_dir();
} // namespace crus::test

// Skips the current test when the reference data is absent.
#define CRUS_REQUIRE_REFERENCE()                                                            \
  do {                                                                                      \
    if (::crus::test::reference_dir().empty())                                              \
      GTEST_SKIP() << "../shared/reference/opensim-rajagopal2016 is absent; nothing to compare with"; \
  } while (0)
