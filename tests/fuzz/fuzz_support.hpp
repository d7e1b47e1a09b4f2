#pragma once
// Shared by the libFuzzer targets: a private scratch folder per process, and
// the one rule every loader must keep: bad input ends in InputError (the
// CLI's exit status 2), never in a crash, a hang, or another exception.
#include "core/error.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace crus::fuzz {

inline std::filesystem::path scratch() {
  static const std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("crus-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

// Writes the input where the file-based loaders can read it.
inline std::string write_input(const std::string& name, const std::uint8_t* data, std::size_t size) {
  std::string path = (scratch() / name).string();
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return path;
}

inline std::string text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// Runs `load`; InputError is the expected way to refuse input. Anything else
// escapes and libFuzzer reports it as a crash.
template <class F>
void expect_input_error_only(F&& load) {
  try {
    load();
  } catch (const InputError&) {}
}

} // namespace crus::fuzz
