// crus render --timings: one line naming every phase in the order it runs,
// each a finite, non-negative number of milliseconds, the phases up to the
// PNG within the whole process's time, and the picture still written.
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <sstream>

namespace {

TEST(RenderTimings, EveryPhaseInOrderWithinTheProcessTime) {
  const auto out = crus::test::scratch_dir("render_timings") / "t.png";
  const auto r =
      crus::test::run_command("'" + crus::test::crus_binary() + "' render --timings --size 320x240 --out '" + out.string() + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(out));
  const auto at = r.out.find("timings ms: ");
  ASSERT_NE(at, std::string::npos) << r.out;
  const std::string line = r.out.substr(at + 12, r.out.find('\n', at) - at - 12);
  const std::vector<std::string> phases = {"import",    "knowledge", "context",      "upload", "first frame",
                                           "read-back", "png",       "second frame", "process"};
  std::vector<double> ms;
  std::istringstream items(line);
  std::string item;
  std::size_t i = 0;
  while (std::getline(items, item, ',')) {
    if (item.front() == ' ') item.erase(0, 1);
    ASSERT_LT(i, phases.size()) << line;
    const auto space = item.rfind(' ');
    EXPECT_EQ(item.substr(0, space), phases[i]) << line;
    const double v = std::stod(item.substr(space + 1));
    EXPECT_TRUE(std::isfinite(v) && v >= 0.0) << item;
    ms.push_back(v);
    ++i;
  }
  ASSERT_EQ(ms.size(), phases.size()) << line;
  double up_to_png = 0.0;
  for (std::size_t k = 0; k < 7; ++k) up_to_png += ms[k];
  EXPECT_LE(up_to_png, ms.back() + 1.0) << "the phases take longer than the process: " << line;
  EXPECT_GT(ms[4], 0.0) << line;
  // Without --timings, no such line.
  const auto plain =
      crus::test::run_command("'" + crus::test::crus_binary() + "' render --size 320x240 --out '" + out.string() + "'");
  ASSERT_EQ(plain.status, 0) << plain.err;
  EXPECT_EQ(plain.out.find("timings ms:"), std::string::npos) << plain.out;
}

} // namespace
