#pragma once
// Typed errors thrown at the edges (files, CLI, assets). Each says what failed
// and where, so that main can print one line and pick an exit code.
#include <stdexcept>
#include <string>

namespace crus {

// Bad input from the user or a file: exit status 2 in the CLI.
class InputError : public std::runtime_error {
public:
  // `where` is a file path, option name or "file:line"; `what` the problem.
  InputError(std::string where, const std::string& problem)
      : std::runtime_error(where.empty() ? problem : where + ": " + problem), where_(std::move(where)) {}
  const std::string& where() const { return where_; }

private:
  std::string where_;
};

// Anything else that went wrong (GL context, I/O failure while writing):
// exit status 1.
class RuntimeError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

} // namespace crus
