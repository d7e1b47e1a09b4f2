#pragma once
#include <string>
#include <vector>

namespace crus {
// Reads a whole file; throws InputError naming the path when it cannot.
std::string read_text_file(const std::string& path);
std::vector<unsigned char> read_binary_file(const std::string& path);
// Writes via a temporary file in the same folder, then renames it over the
// target, so a crash never leaves a half-written file. The temporary has an
// unpredictable name and is created exclusively without following symlinks,
// and the folder is synced after the rename. A temporary of the same target
// left by a killed writer (whose process no longer exists) is removed first.
// Throws InputError for an empty path or a folder, RuntimeError otherwise.
void write_file_atomic(const std::string& path, const void* data, std::size_t size);
inline void write_file_atomic(const std::string& path, const std::string& text) {
  write_file_atomic(path, text.data(), text.size());
}
// For commands that write: refuse (InputError naming `option`) before any
// work when the folder cannot be created or written in, by creating and
// removing a probe file there. check_writable_file checks an output file's
// folder (which must exist) and that the path is not empty or a folder.
void check_writable_folder(const std::string& dir, const std::string& option);
void check_writable_file(const std::string& path, const std::string& option);
// $XDG_CONFIG_HOME/crus (or ~/.config/crus), created on demand.
std::string user_config_dir();
// The folder holding the bundled assets: $CRUS_ASSETS, else the installed
// <prefix>/share/crus/assets beside the binary's <prefix>/bin, else ./assets
// in the working directory or an ancestor, else the source tree the binary
// was built from.
std::string assets_dir();
} // namespace crus
