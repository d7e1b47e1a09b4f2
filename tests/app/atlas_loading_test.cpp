// The viewer starts loading its first atlas before the window and GL context
// exist (issue 9: the first frame within a second) only when it already
// knows which level of detail it will pick.
#include "app/viewer_atlas_loading.hpp"

#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>

using crus::app::lod_known_before_gl;

TEST(AtlasLoading, LevelOfDetailKnownBeforeTheContextWhenAskedFor) {
  EXPECT_EQ(lod_known_before_gl("light", 0), 1);
  EXPECT_EQ(lod_known_before_gl("full", 0), 0);
  EXPECT_EQ(lod_known_before_gl("full", 1), 1); // the options' own level stands
  EXPECT_EQ(lod_known_before_gl("bogus", 0), std::nullopt);
}

TEST(AtlasLoading, AutoIsTheLightAtlasWhereOpenGLCanOnlyBeSoftware) {
  const char* before = std::getenv("LIBGL_ALWAYS_SOFTWARE");
  const std::string saved = before ? before : "";
  setenv("LIBGL_ALWAYS_SOFTWARE", "1", 1);
  EXPECT_EQ(lod_known_before_gl("auto", 0), 1);
  setenv("LIBGL_ALWAYS_SOFTWARE", "0", 1);
  std::error_code ec;
  // Without a GPU device node Mesa can only rasterise in software; with one,
  // the renderer must be asked first.
  if (std::filesystem::exists("/dev/dri", ec)) EXPECT_EQ(lod_known_before_gl("auto", 0), std::nullopt);
  else EXPECT_EQ(lod_known_before_gl("auto", 0), 1);
  if (before) setenv("LIBGL_ALWAYS_SOFTWARE", saved.c_str(), 1);
  else unsetenv("LIBGL_ALWAYS_SOFTWARE");
}
