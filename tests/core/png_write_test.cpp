// core/io/image's PNG writer (libpng, fast zlib level): what is written reads
// back bit for bit, opaque images are stored as RGB and others keep alpha.
#include "core/error.hpp"
#include "core/io/file_io.hpp"
#include "core/io/image.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

using namespace crus;

namespace {
Image pattern(int w, int h, bool opaque) {
  Image img;
  img.width = w;
  img.height = h;
  img.rgba.resize(static_cast<std::size_t>(w) * h * 4);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      auto* p = &img.rgba[(static_cast<std::size_t>(y) * w + x) * 4];
      p[0] = static_cast<std::uint8_t>(x * 7 + y);
      p[1] = static_cast<std::uint8_t>(y * 3);
      p[2] = static_cast<std::uint8_t>((x ^ y) * 5);
      p[3] = opaque ? 255 : static_cast<std::uint8_t>(x + y * 2);
    }
  return img;
}
// The colour type byte of the IHDR chunk: 2 is RGB, 6 RGBA.
int colour_type(const std::string& path) { return read_binary_file(path).at(25); }
} // namespace

TEST(PngWrite, OpaqueImagesAreRgbAndReadBackExactly) {
  const std::string path = (test::scratch_dir("png_write") / "opaque.png").string();
  Image img = pattern(67, 41, true);
  write_png(img, path);
  EXPECT_EQ(colour_type(path), 2);
  Image back = read_png(path);
  EXPECT_EQ(back.width, 67);
  EXPECT_EQ(back.height, 41);
  EXPECT_EQ(back.rgba, img.rgba);
}

TEST(PngWrite, TranslucentImagesKeepTheirAlpha) {
  const std::string path = (test::scratch_dir("png_write") / "alpha.png").string();
  Image img = pattern(33, 20, false);
  write_png(img, path);
  EXPECT_EQ(colour_type(path), 6);
  EXPECT_EQ(read_png(path).rgba, img.rgba);
}

TEST(PngWrite, EmptyOrShortImagesAreRefused) {
  const std::string path = (test::scratch_dir("png_write") / "bad.png").string();
  EXPECT_THROW(write_png(Image{}, path), RuntimeError);
  Image short_data = pattern(8, 8, true);
  short_data.rgba.resize(10);
  EXPECT_THROW(write_png(short_data, path), RuntimeError);
}
