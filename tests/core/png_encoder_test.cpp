// core/io/png_encoder: bands deflated on their own threads join into one
// ordinary PNG. Checked by a strict reading (every chunk CRC, the zlib
// stream inflated by zlib itself, which checks the adler32, the Up filter
// undone by hand) and by stb_image, for odd sizes, one row, many rows and
// more bands than rows.
#include "core/io/image.hpp"
#include "core/io/png_encoder.hpp"

#include <stb_image.h>
#include <zlib.h>

#include <gtest/gtest.h>

#include <cstring>
#include <string>

using namespace crus;

namespace {
Image pattern(int w, int h, bool opaque) {
  Image img;
  img.width = w;
  img.height = h;
  img.rgba.resize(static_cast<std::size_t>(w) * h * 4);
  std::uint32_t s = 12345u + static_cast<std::uint32_t>(w * 31 + h);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      auto* p = img.at(x, y);
      s = s * 1664525u + 1013904223u; // some noise so deflate has work to do
      p[0] = static_cast<std::uint8_t>(x * 7 + y);
      p[1] = static_cast<std::uint8_t>((s >> 24) & 0x0f);
      p[2] = static_cast<std::uint8_t>((x ^ y) * 5);
      p[3] = opaque ? 255 : static_cast<std::uint8_t>(x + y * 2);
    }
  return img;
}

std::uint32_t be32(const std::vector<std::uint8_t>& b, std::size_t at) {
  return (std::uint32_t{b.at(at)} << 24) | (std::uint32_t{b.at(at + 1)} << 16) | (std::uint32_t{b.at(at + 2)} << 8) |
         std::uint32_t{b.at(at + 3)};
}

// Reads a PNG the strict way; fails the test on any fault and returns the
// pixels as RGBA.
Image strict_decode(const std::vector<std::uint8_t>& png) {
  Image out;
  static const std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  EXPECT_EQ(0, std::memcmp(png.data(), kSignature, 8));
  std::vector<std::uint8_t> idat;
  int colour = -1;
  bool ended = false;
  for (std::size_t at = 8; at < png.size();) {
    const std::uint32_t len = be32(png, at);
    const std::string type(png.begin() + static_cast<long>(at) + 4, png.begin() + static_cast<long>(at) + 8);
    const std::uint32_t crc = static_cast<std::uint32_t>(crc32(0L, png.data() + at + 4, len + 4));
    EXPECT_EQ(crc, be32(png, at + 8 + len)) << "CRC of " << type;
    const std::uint8_t* data = png.data() + at + 8;
    if (type == "IHDR") {
      out.width = static_cast<int>(be32(png, at + 8));
      out.height = static_cast<int>(be32(png, at + 12));
      EXPECT_EQ(data[8], 8);
      colour = data[9];
    } else if (type == "IDAT") {
      idat.insert(idat.end(), data, data + len);
    } else if (type == "IEND") {
      ended = true;
      EXPECT_EQ(at + 12 + len, png.size());
    }
    at += 12 + len;
  }
  EXPECT_TRUE(ended);
  EXPECT_TRUE(colour == 2 || colour == 6);
  const std::size_t ch = colour == 2 ? 3 : 4;
  const std::size_t row = 1 + static_cast<std::size_t>(out.width) * ch;
  std::vector<std::uint8_t> raw(row * static_cast<std::size_t>(out.height) + 1); // one spare: too much data shows
  uLongf raw_len = static_cast<uLongf>(raw.size());
  EXPECT_EQ(Z_OK, uncompress(raw.data(), &raw_len, idat.data(), static_cast<uLong>(idat.size())))
      << "the joined bands are not one valid zlib stream (or the adler32 is wrong)";
  EXPECT_EQ(raw_len, row * static_cast<std::size_t>(out.height));
  out.rgba.assign(static_cast<std::size_t>(out.width) * out.height * 4, 255);
  for (int y = 0; y < out.height; ++y) {
    const std::uint8_t* r = raw.data() + row * static_cast<std::size_t>(y);
    EXPECT_EQ(r[0], 2) << "row " << y << " is not Up-filtered";
    for (int x = 0; x < out.width; ++x)
      for (std::size_t c = 0; c < ch; ++c) {
        const std::uint8_t above = y > 0 ? out.at(x, y - 1)[c] : 0;
        out.at(x, y)[c] = static_cast<std::uint8_t>(r[1 + static_cast<std::size_t>(x) * ch + c] + above);
      }
  }
  return out;
}

Image stb_decode(const std::vector<std::uint8_t>& png) {
  int w = 0, h = 0, n = 0;
  unsigned char* data = stbi_load_from_memory(png.data(), static_cast<int>(png.size()), &w, &h, &n, 4);
  Image img;
  if (!data) {
    ADD_FAILURE() << "stb_image: " << stbi_failure_reason();
    return img;
  }
  img.width = w;
  img.height = h;
  img.rgba.assign(data, data + static_cast<std::size_t>(w) * h * 4);
  stbi_image_free(data);
  return img;
}

void expect_round_trip(int w, int h, bool opaque, int bands) {
  SCOPED_TRACE(std::to_string(w) + "x" + std::to_string(h) + (opaque ? " opaque" : " alpha") + ", " + std::to_string(bands) +
               " bands");
  const Image img = pattern(w, h, opaque);
  const std::vector<std::uint8_t> png = encode_png(img, bands);
  EXPECT_EQ(png.at(25), opaque ? 2 : 6);
  const Image strict = strict_decode(png);
  EXPECT_EQ(strict.width, w);
  EXPECT_EQ(strict.height, h);
  EXPECT_TRUE(strict.rgba == img.rgba);
  const Image stb = stb_decode(png);
  EXPECT_EQ(stb.width, w);
  EXPECT_EQ(stb.height, h);
  EXPECT_TRUE(stb.rgba == img.rgba);
}
} // namespace

TEST(PngEncoder, OneBandIsAnOrdinaryPng) {
  expect_round_trip(67, 41, true, 1);
  expect_round_trip(33, 20, false, 1);
}

TEST(PngEncoder, BandsJoinIntoOneStreamForOddSizes) {
  for (int bands : {2, 3, 7})
    for (bool opaque : {true, false}) {
      expect_round_trip(67, 41, opaque, bands);
      expect_round_trip(1, 13, opaque, bands);
      expect_round_trip(331, 257, opaque, bands);
    }
}

TEST(PngEncoder, OneRowAndMoreBandsThanRows) {
  expect_round_trip(1, 1, true, 4);
  expect_round_trip(97, 1, true, 4);
  expect_round_trip(97, 1, false, 2);
  expect_round_trip(5, 3, true, 16);
}

TEST(PngEncoder, ManyRowsWithTheDefaultBands) {
  expect_round_trip(641, 1201, true, 0);
  expect_round_trip(640, 1200, false, 0);
}

TEST(PngEncoder, TheSamePixelsWhateverTheBandCount) {
  const Image img = pattern(200, 150, true);
  const Image one = stb_decode(encode_png(img, 1));
  for (int bands : {2, 5, 150}) EXPECT_TRUE(stb_decode(encode_png(img, bands)).rgba == one.rgba) << bands << " bands";
}
