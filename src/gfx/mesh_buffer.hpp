#pragma once
#include "core/geometry/mesh.hpp"
#include "gfx/gl.hpp"

#include <cstddef>
#include <glm/mat4x4.hpp>

namespace crus::gfx {

// One mesh on the GPU: position and normal interleaved in one buffer (what a
// pose rewrites), colour, fibre coordinates and baked ambient occlusion
// (attribute 5; the mesh's own, when it has them) in another, 32-bit
// indices, and in a buffer of its own each vertex's rest position
// (attribute 4), written once.
class MeshBuffer {
public:
  MeshBuffer() = default;
  explicit MeshBuffer(const Mesh& mesh);
  ~MeshBuffer();
  MeshBuffer(MeshBuffer&& other) noexcept;
  MeshBuffer& operator=(MeshBuffer&& other) noexcept;
  MeshBuffer(const MeshBuffer&) = delete;
  MeshBuffer& operator=(const MeshBuffer&) = delete;

  // Replaces the contents. The rest attribute is mesh.rest_positions when
  // set (a deformed soft tissue), else the positions: a bone's mesh is
  // always its rest mesh, drawn through its item's matrix.
  void update(const Mesh& mesh);
  // A deformed pose of the same mesh: positions and normals only; the rest
  // positions, indices, colours, fibre coordinates and occlusion stay as
  // they are (a mesh of the same size that looks otherwise needs update()).
  void update_surface(const Mesh& mesh);
  std::size_t vertex_count() const { return vertices_; }
  void draw() const;
  GLsizei index_count() const { return count_; }
  bool has_vertex_colours() const { return has_colours_; }
  bool has_fibres() const { return has_fibres_; }

private:
  void release();
  void write_shape(const Mesh& mesh);
  void write_look(const Mesh& mesh);
  GLuint vao_ = 0, vbo_ = 0, ebo_ = 0, rest_vbo_ = 0, shape_vbo_ = 0;
  GLsizei count_ = 0;
  std::size_t vertices_ = 0;
  bool has_colours_ = false;
  bool has_fibres_ = false;
};

} // namespace crus::gfx
