#include "core/io/image.hpp"

#include "core/error.hpp"
#include "core/io/file_io.hpp"

#include <stb_image.h>
#include <png.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace crus {

namespace {
// libpng with zlib at level 1 and the Up filter on every row: stb's encoder
// (its own deflate at level 8, five filters tried on each row) took longer
// than drawing the frame for a 1920x1080 render (docs/PERFORMANCE.md). An
// image whose every pixel is opaque is written as RGB.
struct PngSink {
  std::vector<unsigned char> bytes;
};
void png_append(png_structp png, png_bytep data, png_size_t size) {
  auto* sink = static_cast<PngSink*>(png_get_io_ptr(png));
  sink->bytes.insert(sink->bytes.end(), data, data + size);
}
void png_flush(png_structp) {}

// No C++ object with a destructor lives in this frame: libpng's errors
// longjmp back here.
bool encode_png(const Image& image, bool opaque, png_bytep* rows, PngSink& sink) {
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  if (!png) return false;
  png_infop info = png_create_info_struct(png);
  if (!info || setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return false;
  }
  png_set_write_fn(png, &sink, png_append, png_flush);
  png_set_compression_level(png, 1);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
  png_set_IHDR(png, info, static_cast<png_uint_32>(image.width), static_cast<png_uint_32>(image.height), 8,
               opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE,
               PNG_FILTER_TYPE_BASE);
  png_write_info(png, info);
  if (opaque) png_set_filler(png, 0, PNG_FILLER_AFTER); // rows stay RGBA in memory; the alpha byte is dropped
  png_write_image(png, rows);
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return true;
}
} // namespace

void write_png(const Image& image, const std::string& path) {
  if (image.width <= 0 || image.height <= 0) throw RuntimeError(path + ": cannot write an empty image");
  const std::size_t stride = static_cast<std::size_t>(image.width) * 4;
  if (image.rgba.size() < stride * static_cast<std::size_t>(image.height))
    throw RuntimeError(path + ": image data is shorter than its size");
  bool opaque = true;
  for (std::size_t i = 3; i < image.rgba.size() && opaque; i += 4) opaque = image.rgba[i] == 255;
  std::vector<png_bytep> rows(static_cast<std::size_t>(image.height));
  for (std::size_t y = 0; y < rows.size(); ++y) rows[y] = const_cast<png_bytep>(image.rgba.data() + y * stride);
  PngSink sink;
  sink.bytes.reserve(stride * rows.size() / 4);
  if (!encode_png(image, opaque, rows.data(), sink)) throw RuntimeError(path + ": PNG encoding failed");
  try {
    write_file_atomic(path, sink.bytes.data(), sink.bytes.size());
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
