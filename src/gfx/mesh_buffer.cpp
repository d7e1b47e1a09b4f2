#include "gfx/mesh_buffer.hpp"

#include <utility>
#include <vector>

namespace crus::gfx {

MeshBuffer::MeshBuffer(const Mesh& mesh) { update(mesh); }
MeshBuffer::~MeshBuffer() { release(); }

MeshBuffer::MeshBuffer(MeshBuffer&& other) noexcept { *this = std::move(other); }
MeshBuffer& MeshBuffer::operator=(MeshBuffer&& other) noexcept {
  if (this != &other) {
    release();
    vao_ = std::exchange(other.vao_, 0);
    vbo_ = std::exchange(other.vbo_, 0);
    ebo_ = std::exchange(other.ebo_, 0);
    rest_vbo_ = std::exchange(other.rest_vbo_, 0);
    shape_vbo_ = std::exchange(other.shape_vbo_, 0);
    count_ = std::exchange(other.count_, 0);
    vertices_ = std::exchange(other.vertices_, 0);
    has_colours_ = std::exchange(other.has_colours_, false);
    has_fibres_ = std::exchange(other.has_fibres_, false);
  }
  return *this;
}

void MeshBuffer::release() {
  if (rest_vbo_) glDeleteBuffers(1, &rest_vbo_);
  if (shape_vbo_) glDeleteBuffers(1, &shape_vbo_);
  if (ebo_) glDeleteBuffers(1, &ebo_);
  if (vbo_) glDeleteBuffers(1, &vbo_);
  if (vao_) glDeleteVertexArrays(1, &vao_);
  vao_ = vbo_ = ebo_ = rest_vbo_ = shape_vbo_ = 0;
  count_ = 0;
  vertices_ = 0;
}

// Position and normal (attributes 0 and 1), the part a pose changes: in a
// buffer of their own, sent whole each time. glBufferData of the same size
// lets the driver give the buffer new storage while a frame still draws
// from the old one (glBufferSubData would wait for that frame); the new
// storage is mapped and written in place, so a pose allocates and copies
// nothing on the CPU side. Where the map fails, or its contents are lost
// before the unmap, the shape is built in memory and sent.
void MeshBuffer::write_shape(const Mesh& mesh) {
  const std::size_t n = mesh.positions.size();
  const bool has_normals = mesh.normals.size() == n;
  auto fill = [&](glm::vec3* out) {
    for (std::size_t i = 0; i < n; ++i) {
      out[2 * i] = mesh.positions[i];
      out[2 * i + 1] = has_normals ? mesh.normals[i] : glm::vec3(0, 1, 0);
    }
  };
  const auto bytes = static_cast<GLsizeiptr>(2 * n * sizeof(glm::vec3));
  glBindBuffer(GL_ARRAY_BUFFER, shape_vbo_);
  glBufferData(GL_ARRAY_BUFFER, bytes, nullptr, GL_DYNAMIC_DRAW);
  bool sent = false;
  if (n > 0) {
    if (void* mapped = glMapBufferRange(GL_ARRAY_BUFFER, 0, bytes, GL_MAP_WRITE_BIT | GL_MAP_INVALIDATE_BUFFER_BIT)) {
      fill(static_cast<glm::vec3*>(mapped));
      sent = glUnmapBuffer(GL_ARRAY_BUFFER) == GL_TRUE;
    }
  }
  if (!sent && n > 0) {
    std::vector<glm::vec3> shape(2 * n);
    fill(shape.data());
    glBufferData(GL_ARRAY_BUFFER, bytes, shape.data(), GL_DYNAMIC_DRAW);
  }
  glBindBuffer(GL_ARRAY_BUFFER, 0);
}

// Colour, fibre coordinates and baked occlusion (attributes 2, 3 and 5),
// which a pose leaves alone.
void MeshBuffer::write_look(const Mesh& mesh) {
  constexpr std::size_t kFloats = 7;
  std::vector<float> look(mesh.positions.size() * kFloats);
  has_colours_ = !mesh.positions.empty() && mesh.colours.size() == mesh.positions.size();
  has_fibres_ = !mesh.positions.empty() && mesh.fibres.size() == mesh.positions.size();
  const bool has_occlusion = mesh.occlusion.size() == mesh.positions.size();
  for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
    const glm::vec3 c = has_colours_ ? mesh.colours[i] : glm::vec3(1.0f);
    const glm::vec3 f = has_fibres_ ? mesh.fibres[i] : glm::vec3(0.0f);
    const float open = has_occlusion ? mesh.occlusion[i] : 1.0f; // baked ambient occlusion; none: open
    float* o = &look[i * kFloats];
    o[0] = c.x, o[1] = c.y, o[2] = c.z, o[3] = f.x, o[4] = f.y, o[5] = f.z, o[6] = open;
  }
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(look.size() * sizeof(float)), look.data(), GL_STATIC_DRAW);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
}

void MeshBuffer::update(const Mesh& mesh) {
  if (!vao_) {
    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &vbo_);
    glGenBuffers(1, &ebo_);
    glGenBuffers(1, &rest_vbo_);
    glGenBuffers(1, &shape_vbo_);
  }
  write_shape(mesh);
  write_look(mesh);
  glBindVertexArray(vao_);
  constexpr GLsizei kShapeStride = 2 * sizeof(glm::vec3), kLookStride = 7 * sizeof(float);
  glBindBuffer(GL_ARRAY_BUFFER, shape_vbo_);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, kShapeStride, nullptr);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, kShapeStride, reinterpret_cast<void*>(sizeof(glm::vec3)));
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 3, GL_FLOAT, GL_FALSE, kLookStride, nullptr);
  glEnableVertexAttribArray(3);
  glVertexAttribPointer(3, 3, GL_FLOAT, GL_FALSE, kLookStride, reinterpret_cast<void*>(3 * sizeof(float)));
  glEnableVertexAttribArray(5);
  glVertexAttribPointer(5, 1, GL_FLOAT, GL_FALSE, kLookStride, reinterpret_cast<void*>(6 * sizeof(float)));
  const std::vector<glm::vec3>* rest_of = &mesh.positions;
  if (mesh.rest_positions.size() == mesh.positions.size()) rest_of = &mesh.rest_positions;
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, rest_vbo_);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(rest_of->size() * sizeof(glm::vec3)), rest_of->data(), GL_STATIC_DRAW);
  glEnableVertexAttribArray(4);
  glVertexAttribPointer(4, 3, GL_FLOAT, GL_FALSE, sizeof(glm::vec3), nullptr);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo_);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.indices.size() * sizeof(std::uint32_t)), mesh.indices.data(),
               GL_STATIC_DRAW);
  glBindVertexArray(0);
  count_ = static_cast<GLsizei>(mesh.indices.size());
  vertices_ = mesh.positions.size();
}

void MeshBuffer::update_surface(const Mesh& mesh) {
  if (!vao_ || mesh.positions.size() != vertices_) {
    update(mesh); // not the same mesh: everything anew
    return;
  }
  write_shape(mesh);
}

void MeshBuffer::draw() const {
  if (!count_) return;
  glBindVertexArray(vao_);
  glDrawElements(GL_TRIANGLES, count_, GL_UNSIGNED_INT, nullptr);
  glBindVertexArray(0);
}

} // namespace crus::gfx
