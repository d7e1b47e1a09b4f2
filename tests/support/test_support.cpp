#include "support/test_support.hpp"

#include "core/error.hpp"
#include "core/document/scene_file.hpp"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace crus::test {
namespace fs = std::filesystem;

fs::path reference_dir() {
  // $CRUS_REFERENCE_DIR overrides the configured folder (to check that the
  // tests needing it report as skipped when it is absent).
  const char* env = std::getenv("CRUS_REFERENCE_DIR");
  fs::path p = fs::path(env && *env ? env : CRUS_REFERENCE_DIR) / "opensim-rajagopal2016";
  std::error_code ec;
  if (fs::exists(p / "joints.csv", ec)) return p;
  return {};
}

fs::path scratch_dir(const std::string& name) {
  // ctest runs tests in parallel processes, several of which may ask for the
  // same name: each process gets its own folder so none deletes another's.
  fs::path p = fs::path(CRUS_TEST_OUTPUT_DIR) / (name + "." + std::to_string(::getpid()));
  std::error_code ec;
  fs::remove_all(p, ec);
  fs::create_directories(p);
  return p;
}

std::string crus_binary() { return CRUS_BINARY; }
std::string source_dir() { return CRUS_SOURCE_DIR; }
std::filesystem::path test_output_dir() { return CRUS_TEST_OUTPUT_DIR; }

CommandResult run_command(const std::string& command_line) {
  static int counter = 0;
  fs::path dir = scratch_dir("cmd_" + std::to_string(counter++));
  fs::path out = dir / "out.txt";
  fs::path err = dir / "err.txt";
  std::string full = command_line + " >" + out.string() + " 2>" + err.string() + " </dev/null";
  int raw = std::system(full.c_str());
  CommandResult result;
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + (WIFSIGNALED(raw) ? WTERMSIG(raw) : 0);
  auto slurp = [](const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  result.out = slurp(out);
  result.err = slurp(err);
  return result;
}
std::string scene_file_fault(const std::string& text) {
  try {
    parse_scene_file(text, "fig.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "(accepted)";
}

} // namespace crus::test
