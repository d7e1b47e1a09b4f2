// Issue 15, case 15 and the checked narrowing helper: writes that cannot be
// tricked by planted symlinks and that clean up after a killed writer, one
// UTF-8 decoder, and input numbers that never narrow silently.
#include "core/checked_cast.hpp"
#include "core/error.hpp"
#include "core/io/file_io.hpp"
#include "core/io/utf8.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace crus {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A pid that belonged to a process which has exited (and been reaped).
pid_t dead_pid() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  int status = 0;
  ::waitpid(child, &status, 0);
  return child;
}

std::size_t entries(const fs::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

TEST(AtomicWrite, PlantedSymlinksAreNeverFollowed) {
  const fs::path dir = test::scratch_dir("atomic_symlink");
  const fs::path victim = dir / "victim.txt";
  std::ofstream(victim) << "precious";
  const fs::path out = dir / "out.png";
  // The old predictable temporary names, and the target itself, as symlinks.
  fs::create_symlink(victim, dir / ("out.png.tmp" + std::to_string(::getpid())));
  fs::create_symlink(victim, dir / ("out.png.crus-tmp-" + std::to_string(::getpid()) + "-0000000000000000"));
  fs::create_symlink(victim, out);
  write_file_atomic(out.string(), std::string("new"));
  EXPECT_EQ(read(victim), "precious");
  EXPECT_FALSE(fs::is_symlink(out)); // the link was replaced, not written through
  EXPECT_EQ(read(out), "new");
  // Nothing left behind but what was there before.
  EXPECT_EQ(entries(dir), 4u);
}

TEST(AtomicWrite, StaleTemporariesOfDeadWritersAreRemovedLiveOnesKept) {
  const fs::path dir = test::scratch_dir("atomic_stale");
  const fs::path victim = dir / "victim.txt";
  std::ofstream(victim) << "precious";
  const fs::path stale = dir / ("data.json.crus-tmp-" + std::to_string(dead_pid()) + "-1234abcd");
  const fs::path live = dir / ("data.json.crus-tmp-" + std::to_string(::getppid()) + "-1234abcd");
  const fs::path other = dir / ("other.json.crus-tmp-" + std::to_string(dead_pid()) + "-1234abcd");
  const fs::path stale_link = dir / ("data.json.crus-tmp-" + std::to_string(dead_pid()) + "-ffff");
  for (const auto& p : {stale, live, other}) std::ofstream(p) << "half";
  fs::create_symlink(victim, stale_link);
  write_file_atomic((dir / "data.json").string(), std::string("{}"));
  EXPECT_FALSE(fs::exists(stale));         // its writer is gone
  EXPECT_TRUE(fs::exists(live));           // its writer may still be at work
  EXPECT_TRUE(fs::exists(other));          // belongs to another file
  EXPECT_TRUE(fs::is_symlink(stale_link)); // never touched through a link
  EXPECT_EQ(read(victim), "precious");
  EXPECT_EQ(read(dir / "data.json"), "{}");
}

TEST(AtomicWrite, FilesAreReadableAndErrorsSayWhy) {
  const fs::path dir = test::scratch_dir("atomic_errors");
  const fs::path out = dir / "a.txt";
  const mode_t old_mask = ::umask(022);
  write_file_atomic(out.string(), std::string("x"));
  ::umask(old_mask);
  struct stat st {};
  ASSERT_EQ(::stat(out.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
  EXPECT_THROW(write_file_atomic("", std::string("x")), InputError);
  EXPECT_THROW(write_file_atomic(dir.string(), std::string("x")), InputError);
  try {
    write_file_atomic("/proc/crus-nope/x.txt", std::string("x"));
    FAIL();
  } catch (const std::exception& e) {
    EXPECT_EQ(std::string(e.what()).find("Success"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("/proc/crus-nope/x.txt"), std::string::npos) << e.what();
  }
}

TEST(AtomicWrite, WritableChecksRefuseBeforeWork) {
  EXPECT_THROW(check_writable_folder("/proc/nope", "--out"), InputError);
  EXPECT_THROW(check_writable_file("", "--out"), InputError);
  EXPECT_THROW(check_writable_file("/proc/x.png", "--out"), InputError);
  EXPECT_THROW(check_writable_file("/nonexistent-dir/x.png", "--out"), InputError);
  const fs::path dir = test::scratch_dir("atomic_check");
  EXPECT_NO_THROW(check_writable_file((dir / "x.png").string(), "--out"));
  EXPECT_NO_THROW(check_writable_folder((dir / "new" / "sub").string(), "--out")); // created
  EXPECT_TRUE(fs::is_directory(dir / "new" / "sub"));
  EXPECT_EQ(entries(dir / "new" / "sub"), 0u); // the probe is gone
  try {
    check_writable_folder("/proc/nope", "--out");
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "--out");
  }
}

TEST(CheckedNarrow, RefusesWhatDoesNotFit) {
  EXPECT_EQ(checked_narrow<float>(0.25, "x"), 0.25f);
  EXPECT_THROW(checked_narrow<float>(1e39, "--at"), InputError);
  EXPECT_THROW(checked_narrow<float>(std::nan(""), "--at"), InputError);
  EXPECT_THROW(checked_narrow<float>(HUGE_VAL, "--at"), InputError);
  EXPECT_TRUE(std::isinf(checked_narrow<float>(HUGE_VAL, "x", /*allow_non_finite=*/true)));
  EXPECT_EQ(checked_narrow<int>(1200.0, "width"), 1200);
  EXPECT_THROW(checked_narrow<int>(1e300, "width"), InputError);
  EXPECT_THROW(checked_narrow<int>(2.5, "width"), InputError);
  EXPECT_THROW(checked_narrow<int>(3000000000LL, "width"), InputError);
  EXPECT_THROW(checked_narrow<unsigned>(-1, "n"), InputError);
  try {
    checked_narrow<int>(1e300, "window.json: width");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "window.json: width");
    EXPECT_NE(std::string(e.what()).find("out of range"), std::string::npos) << e.what();
  }
}

TEST(Utf8, OneDecoderForEveryone) {
  EXPECT_TRUE(is_valid_utf8("Soleus \xC3\xA9 \xE2\x80\x94 \xF0\x9F\xA6\xB5"));
  for (const char* bad : {"\xff", "\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "a\x80z"})
    EXPECT_FALSE(is_valid_utf8(bad)) << bad;
  EXPECT_EQ(sanitize_utf8("a\xffz"), "a\xEF\xBF\xBDz");
  EXPECT_EQ(sanitize_utf8("ok \xC3\xA9"), "ok \xC3\xA9");
  EXPECT_TRUE(is_valid_utf8(sanitize_utf8("\xC0\xAF\xED\xA0\x80\xF8")));
  EXPECT_EQ(decode_utf8("a\xC3\xA9\xff"), (std::u32string{U'a', U'\u00E9', U'\uFFFD'}));
  EXPECT_EQ(utf8_length("\xC3\xA9t\xC3\xA9"), 3u);
  std::string s;
  append_utf8(s, 0x1F9B5);
  EXPECT_EQ(s, "\xF0\x9F\xA6\xB5");
}

} // namespace
} // namespace crus
