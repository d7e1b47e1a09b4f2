#pragma once
// PNG encoding in memory (core/io/image's write_png uses it): the rows are
// filtered (Up on every row) and deflated with zlib at level 1 in horizontal
// bands, one thread per band; the bands join into one zlib stream, so the
// file is an ordinary PNG any decoder reads.
#include "core/io/image.hpp"

#include <cstdint>
#include <vector>

namespace crus {

// Encodes `image` (width, height >= 1; rgba holds at least width*height*4
// bytes) as a PNG: RGB when every alpha byte is 255, RGBA otherwise.
// `bands` is how many bands are deflated in parallel: 0 picks one per
// hardware thread (fewer for small images); it is clamped to [1, height].
std::vector<std::uint8_t> encode_png(const Image& image, int bands = 0);

} // namespace crus
