// The layers keep their one-way dependencies: this test reads every source
// file's #include lines and fails on an include that crosses a layer wrongly.
#include "support/test_support.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <regex>

namespace fs = std::filesystem;

namespace {

struct Rule {
  std::string layer;
  std::vector<std::string> forbidden; // include prefixes not allowed there
};

std::vector<std::string> violations(const std::string& layer, const std::vector<std::string>& forbidden) {
  std::vector<std::string> out;
  fs::path dir = fs::path(crus::test::source_dir()) / "src" / layer;
  std::regex include_re(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])");
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path());
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      std::smatch m;
      if (!std::regex_search(line, m, include_re)) continue;
      std::string inc = m[1];
      for (const auto& f : forbidden)
        if (inc.rfind(f, 0) == 0) out.push_back(entry.path().filename().string() + ":" + std::to_string(n) + " includes " + inc);
    }
  }
  return out;
}

const std::vector<std::string> kGl = {"GL/", "GLES", "epoxy/", "glad/", "gfx/gl.hpp"};
const std::vector<std::string> kWindow = {"GLFW/", "EGL/"};
const std::vector<std::string> kImGui = {"imgui", "backends/imgui"};

std::vector<std::string> join(std::initializer_list<std::vector<std::string>> lists) {
  std::vector<std::string> out;
  for (const auto& l : lists) out.insert(out.end(), l.begin(), l.end());
  return out;
}

TEST(Layering, CoreIsPlainCxx) {
  auto v = violations("core", join({kGl, kWindow, kImGui, {"gfx/", "ui/", "platform/", "app/", "atlas/"}}));
  EXPECT_TRUE(v.empty()) << v.front();
}

TEST(Layering, AtlasGeneratorUsesOnlyCore) {
  auto v = violations("atlas", join({kGl, kWindow, kImGui, {"gfx/", "ui/", "platform/", "app/"}}));
  EXPECT_TRUE(v.empty()) << v.front();
}

TEST(Layering, GfxIsTheOnlyOpenGlCodeAndKnowsNoWindowOrUi) {
  auto v = violations("gfx", join({kWindow, kImGui, {"ui/", "platform/", "app/", "atlas/"}}));
  EXPECT_TRUE(v.empty()) << v.front();
}

TEST(Layering, PlatformHasNoOpenGlCallsOrUi) {
  auto v = violations("platform", join({{"GL/", "epoxy/", "glad/", "gfx/"}, kImGui, {"ui/", "app/"}}));
  EXPECT_TRUE(v.empty()) << v.front();
}

TEST(Layering, UiHasNoDirectGlOrGlfw) {
  auto v = violations("ui", join({kGl, kWindow, {"platform/", "app/"}}));
  EXPECT_TRUE(v.empty()) << v.front();
}

TEST(Layering, AppUsesLayersNotLibrariesDirectly) {
  auto v = violations("app", join({kGl, kWindow, kImGui}));
  EXPECT_TRUE(v.empty()) << v.front();
}

// The app's headless part (the CLI and its commands: every app file not
// named viewer*) is the crus_headless library, which links no ui and no
// ImGui; src/CMakeLists.txt splits the folder by that name and the
// crus_headless_links_no_imgui test checks the linked program's symbols.
std::vector<std::string> headless_violations(const std::vector<std::string>& forbidden) {
  std::vector<std::string> out;
  for (const std::string& v : violations("app", forbidden))
    if (v.rfind("viewer", 0) != 0) out.push_back(v);
  return out;
}

TEST(Layering, HeadlessCommandsUseNoUiAndNoViewer) {
  auto v = headless_violations(join({kImGui, {"ui/", "app/viewer"}}));
  EXPECT_TRUE(v.empty()) << v.front();
  // The scanner sees the viewer's own includes of ui/ (so the rule is not empty).
  EXPECT_FALSE(violations("app", {"ui/"}).empty());
}

TEST(Layering, TheCheckFindsAViolation) {
  // The scanner itself works: gfx includes GL through gfx/gl.hpp.
  auto v = violations("gfx", {"epoxy/"});
  EXPECT_FALSE(v.empty());
}

} // namespace
