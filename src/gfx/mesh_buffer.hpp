#pragma once
#include "core/mesh.hpp"
#include "gfx/gl.hpp"

namespace crus::gfx {

// One mesh on the GPU: interleaved position, normal, colour, fibre
// coordinates and baked ambient occlusion (the mesh's own, when it has
// them), 32-bit indices.
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
  bool has_fibres() const { return has_fibres_; }

private:
  void release();
  GLuint vao_ = 0, vbo_ = 0, ebo_ = 0;
  GLsizei count_ = 0;
  bool has_colours_ = false;
  bool has_fibres_ = false;
};

} // namespace crus::gfx
