// The scene files the docs ship (figures a reader can open in the viewer)
// were saved from the bundled atlas as it is now: an atlas that gains or
// renames a structure leaves them with an old fingerprint, and the viewer
// then opens each with "1 problem" (the atlas has changed since it was saved).
#include "bundled_scene_fixture.hpp"
#include "core/document/scene_file.hpp"
#include "support/test_support.hpp"

#include <filesystem>
#include <gtest/gtest.h>

namespace fs = std::filesystem;

using DocsScenes = crus::test::BundledSceneTest;

TEST_F(DocsScenes, EverySceneInTheDocsMatchesTheBundledAtlas) {
  const fs::path docs = fs::path(crus::test::source_dir()) / "docs";
  ASSERT_TRUE(fs::is_directory(docs)) << docs;
  const std::string now = crus::atlas_fingerprint(*scene_);
  int seen = 0;
  for (const auto& e : fs::recursive_directory_iterator(docs)) {
    const std::string name = e.path().filename().string();
    if (!e.is_regular_file() || !name.ends_with(".crus-scene.json")) continue;
    ++seen;
    const crus::SceneFile file = crus::load_scene_file(e.path().string());
    EXPECT_EQ(file.atlas.fingerprint, now) << e.path() << ": saved from another atlas; open it, then save it again";
    EXPECT_EQ(file.atlas.structures, static_cast<int>(scene_->structures.size())) << e.path();
  }
  EXPECT_GE(seen, 5) << "the docs' scene files were not found under " << docs;
}
