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
// Where tests write their reports (build/test-output).
std::filesystem::path test_output_dir();
// The one line a scene file `text` is refused with (parse_scene_file with
// the name "fig.json"), or "(accepted)" when it parses.
std::string scene_file_fault(const std::string& text);
} // namespace crus::test

// Bundled assets (assets/) are committed with the code, so a missing one is a
// failure, never a skip: a skip would turn a lost atlas into a green run.
// Only ../shared/reference (not in the repository) may be absent.
#define CRUS_REQUIRE_BUNDLED(path)                                                                                               \
  ASSERT_TRUE(std::filesystem::exists(path)) << (path)                                                                           \
                                             << " is missing; bundled assets are part of the "                                   \
                                                "repository, so this is a failure, not a skip"

// Skips the current test when the reference data is absent.
#define CRUS_REQUIRE_REFERENCE()                                                                                                 \
  do {                                                                                                                           \
    if (::crus::test::reference_dir().empty())                                                                                   \
      GTEST_SKIP() << "../shared/reference/opensim-rajagopal2016 is absent; nothing to compare with";                            \
  } while (0)
