#pragma once
#include "core/mesh.hpp"
#include "gfx/gl.hpp"

namespace crus::gfx {

// One mesh on the GPU: interleaved position, normal and colour (the mesh's
// vertex colours, when it has them), 32-bit indices.
class MeshBuffer {
public:
  MeshBuffer() = default;
  explicit MeshBuffer(const Mesh& mesh);
  ~MeshBuffer();
  MeshBuffer(MeshBuffer&& other) noexcept;
  MeshBuffer& operator=(MeshBuffer&& other) noexcept;
  MeshBuffer(const MeshBuffer&) = delete;
  MeshBuffer& operator=(const MeshBuffer&) = delete;

  void update(const Mesh& mesh); // replaces the contents
  void draw() const;
  GLsizei index_count() const { return count_; }
  bool has_vertex_colours() const { return has_colours_; }

private:
  void release();
  GLuint vao_ = 0, vbo_ = 0, ebo_ = 0;
  GLsizei count_ = 0;
  bool has_colours_ = false;
};

} // namespace crus::gfx
