// Slow checks: the generator is deterministic and the committed atlas files
// are what it makes now (regenerate with `crus atlas build --out assets/atlas`).
#include "atlas_fixture.hpp"
#include "core/io/file_io.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace crus::test {
namespace {

TEST(AtlasDeterminism, TwoBuildsGiveIdenticalBytes) {
  const atlas::GeneratedAtlas again = atlas::generate_atlas(1); // one thread: order must not matter
  EXPECT_TRUE(atlas::atlas_glb(again, false) == atlas::atlas_glb(shared_atlas(), false));
  EXPECT_TRUE(atlas::atlas_glb(again, true) == atlas::atlas_glb(shared_atlas(), true));
  EXPECT_EQ(manifest_to_json(again.manifest), manifest_to_json(shared_atlas().manifest));
}

TEST(AtlasFreshness, CommittedFilesMatchTheGenerator) {
  const std::filesystem::path dir = std::filesystem::path(source_dir()) / "assets" / "atlas";
  ASSERT_TRUE(std::filesystem::exists(dir / atlas::kMainGlb)) << dir;
  EXPECT_TRUE(read_binary_file((dir / atlas::kMainGlb).string()) == atlas::atlas_glb(shared_atlas(), false))
      << "assets/atlas/lower_leg_right.glb is stale: run crus atlas build --out assets/atlas";
  EXPECT_TRUE(read_binary_file((dir / atlas::kLod1Glb).string()) == atlas::atlas_glb(shared_atlas(), true));
  EXPECT_EQ(read_text_file((dir / atlas::kManifestJson).string()), manifest_to_json(shared_atlas().manifest));
  EXPECT_EQ(read_text_file((dir / atlas::kSourcesMd).string()), atlas::sources_markdown());
  // The committed manifest loads and names the committed mesh file.
  const AtlasManifest loaded = load_manifest((dir / atlas::kManifestJson).string());
  EXPECT_EQ(loaded.mesh_file, atlas::kMainGlb);
}

} // namespace
} // namespace crus::test
