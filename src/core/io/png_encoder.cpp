#include "core/io/png_encoder.hpp"

#include "core/error.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <future>
#include <thread>

namespace crus {

namespace {

// Below this many raw bytes a band is not worth a thread.
constexpr std::size_t kMinBandBytes = 256 * 1024;

void put_u32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  out.push_back(static_cast<std::uint8_t>(v >> 24));
  out.push_back(static_cast<std::uint8_t>(v >> 16));
  out.push_back(static_cast<std::uint8_t>(v >> 8));
  out.push_back(static_cast<std::uint8_t>(v));
}

void put_chunk(std::vector<std::uint8_t>& out, const char type[4], const std::uint8_t* data, std::size_t size) {
  put_u32(out, static_cast<std::uint32_t>(size));
  const std::size_t start = out.size();
  out.insert(out.end(), type, type + 4);
  if (size) out.insert(out.end(), data, data + size);
  put_u32(out, static_cast<std::uint32_t>(crc32(0L, out.data() + start, static_cast<uInt>(size + 4))));
}

struct Band {
  std::vector<std::uint8_t> deflated; // raw deflate, ends on a byte boundary (sync flush) or the final block
  uLong adler = 1;                    // of the filtered rows it holds
  uLong raw_size = 0;
};

// One row, Up-filtered (the row above the first is zero), with `Channels`
// of the four RGBA bytes kept.
template <std::size_t Channels>
void filter_up_row(const Image& image, int y, std::uint8_t* dst) {
  const std::size_t stride = static_cast<std::size_t>(image.width) * 4;
  const std::uint8_t* cur = image.rgba.data() + stride * static_cast<std::size_t>(y);
  const std::size_t n = static_cast<std::size_t>(image.width);
  if (y == 0) {
    for (std::size_t x = 0; x < n; ++x)
      for (std::size_t c = 0; c < Channels; ++c) dst[x * Channels + c] = cur[x * 4 + c];
    return;
  }
  const std::uint8_t* up = cur - stride;
  for (std::size_t x = 0; x < n; ++x)
    for (std::size_t c = 0; c < Channels; ++c) dst[x * Channels + c] = static_cast<std::uint8_t>(cur[x * 4 + c] - up[x * 4 + c]);
}

// Filters rows [y0, y1) (Up; the row above y0 is read from the image, so
// every band filters exactly as one pass over the image would) and deflates
// them as raw deflate: Z_SYNC_FLUSH leaves the stream open on a byte boundary
// for the next band, Z_FINISH closes the last one.
Band deflate_band(const Image& image, bool opaque, int y0, int y1, bool last) {
  const std::size_t channels = opaque ? 3 : 4;
  const std::size_t row_bytes = 1 + static_cast<std::size_t>(image.width) * channels;
  std::vector<std::uint8_t> raw(row_bytes * static_cast<std::size_t>(y1 - y0));
  for (int y = y0; y < y1; ++y) {
    std::uint8_t* dst = raw.data() + row_bytes * static_cast<std::size_t>(y - y0);
    dst[0] = 2; // Up
    if (opaque) filter_up_row<3>(image, y, dst + 1);
    else filter_up_row<4>(image, y, dst + 1);
  }

  Band band;
  band.raw_size = static_cast<uLong>(raw.size());
  band.adler = adler32(1L, raw.data(), static_cast<uInt>(raw.size()));
  z_stream z{};
  if (deflateInit2(&z, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw RuntimeError("PNG encoding: zlib could not start");
  band.deflated.resize(deflateBound(&z, static_cast<uLong>(raw.size())) + 16);
  z.next_in = raw.data();
  z.avail_in = static_cast<uInt>(raw.size());
  z.next_out = band.deflated.data();
  z.avail_out = static_cast<uInt>(band.deflated.size());
  const int flush = last ? Z_FINISH : Z_SYNC_FLUSH;
  int rc = deflate(&z, flush);
  // deflateBound leaves room for everything; grow anyway rather than trust it.
  while ((last ? rc != Z_STREAM_END : (z.avail_in != 0 || z.avail_out == 0)) && (rc == Z_OK || rc == Z_BUF_ERROR)) {
    const std::size_t used = band.deflated.size() - z.avail_out;
    band.deflated.resize(band.deflated.size() * 2);
    z.next_out = band.deflated.data() + used;
    z.avail_out = static_cast<uInt>(band.deflated.size() - used);
    rc = deflate(&z, flush);
  }
  // A sync flush that had nothing left to write answers Z_BUF_ERROR.
  const bool ok = last ? rc == Z_STREAM_END : z.avail_in == 0 && (rc == Z_OK || rc == Z_BUF_ERROR);
  band.deflated.resize(band.deflated.size() - z.avail_out);
  deflateEnd(&z);
  if (!ok) throw RuntimeError("PNG encoding: zlib failed");
  return band;
}

} // namespace

std::vector<std::uint8_t> encode_png(const Image& image, int bands) {
  if (image.width <= 0 || image.height <= 0) throw RuntimeError("cannot encode an empty image as PNG");
  const std::size_t stride = static_cast<std::size_t>(image.width) * 4;
  if (image.rgba.size() < stride * static_cast<std::size_t>(image.height))
    throw RuntimeError("PNG encoding: image data is shorter than its size");
  bool opaque = true;
  const std::size_t bytes = stride * static_cast<std::size_t>(image.height);
  for (std::size_t i = 3; i < bytes && opaque; i += 4) opaque = image.rgba[i] == 255;

  if (bands <= 0) {
    const int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    bands = static_cast<int>(
        std::min<std::size_t>(static_cast<std::size_t>(threads), std::max<std::size_t>(1, bytes / kMinBandBytes)));
  }
  bands = std::clamp(bands, 1, image.height);

  // Band b holds rows [b*h/bands, (b+1)*h/bands): the last on this thread,
  // the others on their own.
  auto first_row = [&](int b) { return static_cast<int>(static_cast<long long>(image.height) * b / bands); };
  std::vector<std::future<Band>> others;
  others.reserve(static_cast<std::size_t>(bands - 1));
  for (int b = 0; b + 1 < bands; ++b)
    others.push_back(
        std::async(std::launch::async, deflate_band, std::cref(image), opaque, first_row(b), first_row(b + 1), false));
  std::vector<Band> done;
  done.reserve(static_cast<std::size_t>(bands));
  Band last = deflate_band(image, opaque, first_row(bands - 1), image.height, true);
  for (auto& f : others) done.push_back(f.get());
  done.push_back(std::move(last));

  // One zlib stream: header (deflate, 32 KiB window, fastest level), the
  // bands' deflate data in order, then the adler32 of all filtered rows.
  std::size_t idat_size = 2 + 4;
  for (const Band& b : done) idat_size += b.deflated.size();
  uLong adler = done.front().adler;
  for (std::size_t i = 1; i < done.size(); ++i)
    adler = adler32_combine(adler, done[i].adler, static_cast<z_off_t>(done[i].raw_size));

  std::vector<std::uint8_t> out;
  out.reserve(idat_size + 64);
  static const std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  out.insert(out.end(), kSignature, kSignature + 8);
  std::uint8_t ihdr[13];
  for (int i = 0; i < 4; ++i) {
    ihdr[i] = static_cast<std::uint8_t>(static_cast<std::uint32_t>(image.width) >> (24 - 8 * i));
    ihdr[4 + i] = static_cast<std::uint8_t>(static_cast<std::uint32_t>(image.height) >> (24 - 8 * i));
  }
  ihdr[8] = 8;                        // bit depth
  ihdr[9] = opaque ? 2 : 6;           // RGB or RGBA
  ihdr[10] = ihdr[11] = ihdr[12] = 0; // deflate, adaptive filtering, no interlace
  put_chunk(out, "IHDR", ihdr, sizeof ihdr);

  // The IDAT chunk is written in place (its CRC runs over the joined data).
  if (idat_size > 0x7fffffffu) throw RuntimeError("PNG encoding: image too large for one IDAT chunk");
  put_u32(out, static_cast<std::uint32_t>(idat_size));
  const std::size_t crc_start = out.size();
  out.insert(out.end(), {'I', 'D', 'A', 'T', 0x78, 0x01});
  for (const Band& b : done) out.insert(out.end(), b.deflated.begin(), b.deflated.end());
  put_u32(out, static_cast<std::uint32_t>(adler));
  put_u32(out, static_cast<std::uint32_t>(crc32(0L, out.data() + crc_start, static_cast<uInt>(out.size() - crc_start))));
  put_chunk(out, "IEND", nullptr, 0);
  return out;
}

} // namespace crus
