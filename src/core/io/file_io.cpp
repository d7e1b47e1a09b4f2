#include "core/io/file_io.hpp"

#include "core/error.hpp"
#include "core/limits.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
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
  // Text files are JSON: refuse an absurd one before reading it into memory.
  std::error_code ec;
  if (const auto size = fs::file_size(path, ec); !ec && size > limits::kJsonFileBytes)
    throw InputError(path, "the file is " + std::to_string(size) + " bytes, more than the limit of " +
                               std::to_string(limits::kJsonFileBytes));
  std::vector<char> data = read_all(path);
  return std::string(data.begin(), data.end());
}

std::vector<unsigned char> read_binary_file(const std::string& path) {
  std::vector<char> data = read_all(path);
  return std::vector<unsigned char>(data.begin(), data.end());
}

namespace {
constexpr const char* kTempMarker = ".crus-tmp-";

bool process_exists(long pid) {
  if (pid <= 0) return false;
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

// Temporaries are "<name>.crus-tmp-<pid>-<random>". One left by a writer that
// was killed is removed, but only when that process is gone (a live one may
// still be writing it), and only a plain file (never through a symlink).
void remove_stale_temporaries(const fs::path& dir, const std::string& name) {
  std::error_code ec;
  const std::string prefix = name + kTempMarker;
  for (fs::directory_iterator it(dir.empty() ? fs::path(".") : dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string file = it->path().filename().string();
    if (file.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string rest = file.substr(prefix.size());
    const auto dash = rest.find('-');
    if (dash == std::string::npos || dash == 0) continue;
    long pid = 0;
    try {
      pid = std::stol(rest.substr(0, dash));
    } catch (const std::exception&) {
      continue;
    }
    std::error_code sec;
    if (process_exists(pid) || !it->is_regular_file(sec) || it->is_symlink(sec)) continue;
    fs::remove(it->path(), sec);
  }
}

// Opens a fresh temporary beside `path`: a name nobody can predict, created
// exclusively (O_EXCL) without following a symlink planted at that name.
int create_temporary(const std::string& path, std::string& tmp) {
  static thread_local std::mt19937_64 random{std::random_device{}() ^ static_cast<std::uint64_t>(::getpid()) << 32};
  for (int attempt = 0; attempt < 16; ++attempt) {
    char suffix[32];
    std::snprintf(suffix, sizeof suffix, "%016llx", static_cast<unsigned long long>(random()));
    tmp = path + kTempMarker + std::to_string(::getpid()) + "-" + suffix;
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  errno = EEXIST;
  return -1;
}

bool write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}
} // namespace

void write_file_atomic(const std::string& path, const void* data, std::size_t size) {
  if (path.empty()) throw InputError("", "no output file name given (an empty path)");
  const fs::path target(path);
  std::error_code ec;
  const fs::path dir = target.parent_path();
  if (!dir.empty()) fs::create_directories(dir, ec);
  if (fs::is_directory(target, ec)) throw InputError(path, "is a folder, not a file");
  remove_stale_temporaries(dir, target.filename().string());
  std::string tmp;
  const int fd = create_temporary(path, tmp);
  if (fd < 0) throw RuntimeError(path + ": cannot create a temporary file beside it: " + std::strerror(errno));
  const bool written = write_all(fd, static_cast<const char*>(data), size);
  const int write_errno = errno;
  const bool synced = written && ::fsync(fd) == 0;
  const bool closed = ::close(fd) == 0;
  if (!written || !synced || !closed) {
    const std::string why = std::strerror(written ? errno : write_errno);
    ::unlink(tmp.c_str());
    throw RuntimeError(path + ": write failed: " + why);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno); // before unlink can change errno
    ::unlink(tmp.c_str());
    throw RuntimeError(path + ": cannot replace the file: " + why);
  }
  // The rename is durable only once the folder's entry is on disk.
  const int dir_fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    (void)::fsync(dir_fd);
    ::close(dir_fd);
  }
}

void check_writable_folder(const std::string& dir_path, const std::string& option) {
  const fs::path dir = dir_path.empty() ? fs::path(".") : fs::path(dir_path);
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    fs::create_directories(dir, ec);
    if (ec) throw InputError(option, dir.string() + ": cannot create the folder: " + ec.message());
  }
  if (!fs::is_directory(dir, ec)) throw InputError(option, dir.string() + " is not a folder");
  // Permission bits do not tell (root, read-only mounts, /proc): try it.
  std::string probe;
  const int fd = create_temporary((dir / ".crus-write-check").string(), probe);
  if (fd < 0) throw InputError(option, dir.string() + ": cannot create files in this folder (" + std::strerror(errno) + ")");
  ::close(fd);
  ::unlink(probe.c_str());
}

void check_writable_file(const std::string& path, const std::string& option) {
  if (path.empty()) throw InputError(option, "expected a file name, got an empty string");
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw InputError(option, path + " is a folder; give a file name");
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty() && !fs::is_directory(parent, ec))
    throw InputError(option, path + ": the folder " + parent.string() + " does not exist");
  check_writable_folder(parent.string(), option);
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
