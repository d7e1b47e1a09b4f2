#include "core/io/image.hpp"

#include "core/error.hpp"
#include "core/io/file_io.hpp"
#include "core/io/png_encoder.hpp"

#include <stb_image.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace crus {

void write_png(const Image& image, const std::string& path) {
  if (image.width <= 0 || image.height <= 0) throw RuntimeError(path + ": cannot write an empty image");
  const std::size_t stride = static_cast<std::size_t>(image.width) * 4;
  if (image.rgba.size() < stride * static_cast<std::size_t>(image.height))
    throw RuntimeError(path + ": image data is shorter than its size");
  // core/io/png_encoder: zlib at level 1, the Up filter on every row, bands
  // deflated in parallel (docs/PERFORMANCE.md, render vs f3d).
  const std::vector<std::uint8_t> bytes = encode_png(image);
  try {
    write_file_atomic(path, bytes.data(), bytes.size());
  } catch (const RuntimeError& e) {
    throw InputError(path, std::string("cannot write: ") + e.what());
  }
}

Image read_png(const std::string& path) {
  std::vector<unsigned char> bytes = read_binary_file(path);
  int w = 0, h = 0, n = 0;
  unsigned char* data = stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &n, 4);
  if (!data) throw InputError(path, std::string("not a readable image: ") + stbi_failure_reason());
  Image img;
  img.width = w;
  img.height = h;
  img.rgba.assign(data, data + static_cast<std::size_t>(w) * h * 4);
  stbi_image_free(data);
  return img;
}

double image_difference(const Image& a, const Image& b, int channel_tolerance, Image* diff) {
  if (a.width != b.width || a.height != b.height) return 1.0;
  std::size_t differing = 0;
  if (diff) {
    diff->width = a.width;
    diff->height = a.height;
    diff->rgba.assign(a.rgba.size(), 0);
  }
  for (std::size_t p = 0; p < static_cast<std::size_t>(a.width) * a.height; ++p) {
    int worst = 0;
    for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(int(a.rgba[p * 4 + c]) - int(b.rgba[p * 4 + c])));
    bool differs = worst > channel_tolerance;
    differing += differs;
    if (diff) {
      std::uint8_t grey = static_cast<std::uint8_t>((a.rgba[p * 4] + a.rgba[p * 4 + 1] + a.rgba[p * 4 + 2]) / 12);
      diff->rgba[p * 4 + 0] = differs ? 255 : grey;
      diff->rgba[p * 4 + 1] = differs ? 0 : grey;
      diff->rgba[p * 4 + 2] = differs ? 255 : grey;
      diff->rgba[p * 4 + 3] = 255;
    }
  }
  return static_cast<double>(differing) /
         static_cast<double>(std::max<std::size_t>(1, static_cast<std::size_t>(a.width) * a.height));
}

} // namespace crus
