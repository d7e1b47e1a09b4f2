#pragma once
// RGBA8 images in memory and PNG files (read with stb_image, written by
// core/io/png_encoder with zlib).
#include <cstdint>
#include <string>
#include <vector>

namespace crus {

struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba; // top row first
  std::uint8_t* at(int x, int y) { return &rgba[(static_cast<std::size_t>(y) * width + x) * 4]; }
  const std::uint8_t* at(int x, int y) const { return &rgba[(static_cast<std::size_t>(y) * width + x) * 4]; }
};

// Writes atomically; throws InputError (unwritable path) naming the file.
void write_png(const Image& image, const std::string& path);
Image read_png(const std::string& path); // throws InputError

// Compares two images: a pixel differs when any channel differs by more than
// `channel_tolerance`. Returns the fraction of differing pixels (1 when sizes
// differ) and fills `diff` with a visualisation when given.
double image_difference(const Image& a, const Image& b, int channel_tolerance, Image* diff = nullptr);

} // namespace crus
