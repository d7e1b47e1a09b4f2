#pragma once
#include <string>
#include <vector>

namespace crus {
// Reads a whole file; throws InputError naming the path when it cannot.
std::string read_text_file(const std::string& path);
std::vector<unsigned char> read_binary_file(const std::string& path);
// Writes via a temporary file in the same folder, then renames it over the
// target, so a crash never leaves a half-written file. Throws RuntimeError.
void write_file_atomic(const std::string& path, const void* data, std::size_t size);
inline void write_file_atomic(const std::string& path, const std::string& text) {
  write_file_atomic(path, text.data(), text.size());
}
// $XDG_CONFIG_HOME/crus (or ~/.config/crus), created on demand.
std::string user_config_dir();
// The folder holding the bundled assets: $CRUS_ASSETS, else the installed
// <prefix>/share/crus/assets beside the binary's <prefix>/bin, else ./assets
// in the working directory or an ancestor, else the source tree the binary
// was built from.
std::string assets_dir();
} // namespace crus
