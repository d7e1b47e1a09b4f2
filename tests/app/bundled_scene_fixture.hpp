// A test suite that reads the bundled atlas once (as `crus` loads it) and
// fails each test clearly when the atlas is missing.
#pragma once

#include "app/commands.hpp"
#include "app/scene_setup.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <memory>

namespace crus::test {

class BundledSceneTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    app::AtlasOptions o;
    if (std::filesystem::exists(o.resolved_atlas())) scene_ = std::make_unique<Scene>(app::load_atlas(o, true));
  }
  static void TearDownTestSuite() { scene_.reset(); }
  void SetUp() override {
    ASSERT_TRUE(scene_) << app::AtlasOptions().resolved_atlas() << " is missing; bundled assets are part of the repository";
  }
  static inline std::unique_ptr<Scene> scene_;
};

} // namespace crus::test
