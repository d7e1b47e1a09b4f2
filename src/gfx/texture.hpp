#pragma once
// An RGBA8 image on the GPU, for pictures drawn on the CPU and shown in a
// panel (the section's 2D slice).
#include "gfx/gl.hpp"

#include <cstdint>
#include <vector>

namespace crus::gfx {

class Texture {
public:
  Texture() = default;
  ~Texture();
  Texture(const Texture&) = delete;
  Texture& operator=(const Texture&) = delete;
  // `rgba`: width * height * 4 bytes, top row first. Needs a current context.
  void upload(int width, int height, const std::vector<std::uint8_t>& rgba);
  GLuint id() const { return id_; }
  int width() const { return width_; }
  int height() const { return height_; }

private:
  GLuint id_ = 0;
  int width_ = 0, height_ = 0;
};

} // namespace crus::gfx
