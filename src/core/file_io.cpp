#include "core/file_io.hpp"

#include "core/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

namespace crus {
namespace fs = std::filesystem;

namespace {
std::vector<char> read_all(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw InputError(path, "is a folder, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, std::string("cannot open: ") + std::strerror(errno));
  std::vector<char> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw InputError(path, "read failed");
  return data;
}
} // namespace

std::string read_text_file(const std::string& path) {
  std::vector<char> data = read_all(path);
  return std::string(data.begin(), data.end());
}

std::vector<unsigned char> read_binary_file(const std::string& path) {
  std::vector<char> data = read_all(path);
  return std::vector<unsigned char>(data.begin(), data.end());
}

void write_file_atomic(const std::string& path, const void* data, std::size_t size) {
  const fs::path target(path);
  std::error_code ec;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  // The pid keeps two writers of the same file from sharing a temporary.
  const std::string tmp = path + ".tmp" + std::to_string(::getpid());
  {
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) throw RuntimeError(path + ": cannot create temporary file: " + std::strerror(errno));
    const bool ok = size == 0 || std::fwrite(data, 1, size, f) == size;
    const bool flushed = std::fflush(f) == 0 && ::fsync(::fileno(f)) == 0;
    const bool closed = std::fclose(f) == 0;
    if (!ok || !flushed || !closed) {
      fs::remove(tmp, ec);
      throw RuntimeError(path + ": write failed");
    }
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw RuntimeError(path + ": cannot replace file: " + ec.message());
  }
}

std::string user_config_dir() {
  fs::path dir;
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) {
    dir = fs::path(xdg) / "crus";
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    dir = fs::path(home) / ".config" / "crus";
  } else {
    dir = fs::temp_directory_path() / "crus-config";
  }
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw RuntimeError(dir.string() + ": cannot create config folder: " + ec.message());
  return dir.string();
}

std::string assets_dir() {
  std::error_code ec;
  if (const char* env = std::getenv("CRUS_ASSETS"); env && *env) return env;
  // An installed program (cmake --install, the .deb) keeps its data in
  // <prefix>/share/crus beside <prefix>/bin/crus: found from the binary's own
  // location, so it works from any working folder without the source tree.
  if (const fs::path exe = fs::read_symlink("/proc/self/exe", ec); !ec && exe.has_parent_path()) {
    const fs::path installed = exe.parent_path().parent_path() / "share" / "crus" / "assets";
    if (fs::is_directory(installed / "atlas", ec)) return installed.string();
  }
  for (fs::path p = fs::current_path(ec); !p.empty(); p = p.parent_path()) {
    if (fs::is_directory(p / "assets" / "atlas", ec)) return (p / "assets").string();
    if (p == p.parent_path()) break;
  }
#ifdef CRUS_SOURCE_DIR
  if (fs::is_directory(fs::path(CRUS_SOURCE_DIR) / "assets", ec)) return (fs::path(CRUS_SOURCE_DIR) / "assets").string();
#endif
  return "assets";
}

} // namespace crus
