// Baseline-image tests in the style of f3d: canonical figures of the bundled
// atlas rendered by the real `crus` binary (whole process, the same path
// users take) and compared with stored PNGs under tests/baselines.
//
// A pixel differs when any channel differs by more than kChannelTolerance;
// a figure fails when more than kMaxDifferingFraction of its pixels differ.
// On failure the actual image and a diff image are written to the test
// output folder and the message names them.
//
// After an intended change of the figures, regenerate every baseline with
//   scripts/update-baselines.sh        (CRUS_UPDATE_BASELINES=1 ctest -R Baseline)
#include "core/error.hpp"
#include "core/io/image.hpp"
#include "support/test_support.hpp"

#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <ostream>
#include <string>
#include <vector>

using namespace crus;
namespace fs = std::filesystem;

namespace {

// Mesa's llvmpipe is deterministic for one build on one machine; the
// tolerance absorbs anti-aliasing and font hinting differences between CPUs.
constexpr int kChannelTolerance = 40;
constexpr double kMaxDifferingFraction = 0.01;

struct Figure {
  const char* name;
  const char* command; // crus arguments; {out} is replaced by the PNG path
};

const std::vector<Figure>& figures() {
  static const std::vector<Figure> f{
      {"anterior", "render --view anterior --size 400x520 --out {out}"},
      {"posterior", "render --view posterior --size 400x520 --out {out}"},
      {"medial", "render --view medial --size 400x520 --out {out}"},
      {"lateral", "render --view lateral --size 400x520 --out {out}"},
      {"superior", "render --view superior --size 400x400 --out {out}"},
      {"inferior", "render --view inferior --size 400x400 --out {out}"},
      {"highlight_gastrocnemius_medial_head",
       "render --view posterior --size 400x520 --select gastrocnemius_medial_head --highlight origin,insertion "
       "--out {out}"},
      {"referral_soleus_trp1", "render --view posterior --size 400x520 --overlay referral:soleus_trp1 --out {out}"},
      {"trigger_points_lateral", "render --view lateral --size 400x520 --overlay trigger-points --out {out}"},
      {"handout_fibularis_longus_trp1", "handout --trigger-point fibularis_longus_trp1 --out {out}"},
  };
  return f;
}

// gtest prints a parameter's bytes unless told how to print it.
void PrintTo(const Figure& figure, std::ostream* os) { *os << figure.name; }

fs::path baseline_dir() { return fs::path(test::source_dir()) / "tests" / "baselines"; }

std::string replace_out(const std::string& command, const std::string& out) {
  const std::string key = "{out}";
  const std::size_t at = command.find(key);
  return command.substr(0, at) + "'" + out + "'" + command.substr(at + key.size());
}

class Baseline : public ::testing::TestWithParam<Figure> {};

TEST_P(Baseline, MatchesStoredImage) {
  const Figure& figure = GetParam();
  const fs::path out_dir = test::scratch_dir(std::string("baseline_") + figure.name);
  const fs::path actual_path = out_dir / (std::string(figure.name) + ".actual.png");
  const test::CommandResult r =
      test::run_command("'" + test::crus_binary() + "' " + replace_out(figure.command, actual_path.string()));
  ASSERT_EQ(r.status, 0) << figure.command << "\n" << r.err;
  const Image actual = read_png(actual_path.string());

  const fs::path baseline_path = baseline_dir() / (std::string(figure.name) + ".png");
  if (const char* update = std::getenv("CRUS_UPDATE_BASELINES"); update && std::string(update) == "1") {
    fs::create_directories(baseline_dir());
    write_png(actual, baseline_path.string());
    GTEST_SKIP() << "baseline written: " << baseline_path;
  }
  // A missing baseline is a failure: the figures are committed with the tests.
  ASSERT_TRUE(fs::exists(baseline_path)) << baseline_path << " is missing; run scripts/update-baselines.sh";
  const Image expected = read_png(baseline_path.string());

  Image diff;
  const double differing = image_difference(expected, actual, kChannelTolerance, &diff);
  if (differing > kMaxDifferingFraction) {
    const fs::path diff_path = out_dir / (std::string(figure.name) + ".diff.png");
    if (diff.width > 0) write_png(diff, diff_path.string());
    FAIL() << figure.name << ": " << differing * 100.0 << "% of pixels differ (allowed " << kMaxDifferingFraction * 100.0
           << "%, channel tolerance " << kChannelTolerance << ")\n  expected " << baseline_path << " (" << expected.width << "x"
           << expected.height << ")\n  actual   " << actual_path << " (" << actual.width << "x" << actual.height
           << ")\n  diff     " << diff_path << "\n  if the change is intended: scripts/update-baselines.sh";
  }
}

INSTANTIATE_TEST_SUITE_P(Figures, Baseline, ::testing::ValuesIn(figures()),
                         [](const ::testing::TestParamInfo<Figure>& info) { return std::string(info.param.name); });

// The comparison itself must be able to fail: a figure with a structure
// hidden differs from its baseline by more than the tolerance.
TEST(BaselineComparison, DetectsAChangedFigure) {
  const fs::path baseline_path = baseline_dir() / "posterior.png";
  ASSERT_TRUE(fs::exists(baseline_path)) << baseline_path << " is missing; run scripts/update-baselines.sh";
  const fs::path out = test::scratch_dir("baseline_changed") / "posterior_without_soleus.png";
  const test::CommandResult r = test::run_command("'" + test::crus_binary() +
                                                  "' render --view posterior --size 400x520 --hide "
                                                  "gastrocnemius_medial_head,gastrocnemius_lateral_head --out '" +
                                                  out.string() + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  const double differing = image_difference(read_png(baseline_path.string()), read_png(out.string()), kChannelTolerance);
  EXPECT_GT(differing, kMaxDifferingFraction);
}

} // namespace
