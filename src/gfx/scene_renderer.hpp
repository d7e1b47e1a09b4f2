#pragma once
// Draws a Scene from a DrawList: opaque structures first, then overlays,
// then translucent ones (skin, ghosted) back to front.
#include "core/document/draw_list.hpp"
#include "core/document/overlay_pack.hpp"
#include "core/document/scene.hpp"
#include "gfx/mesh_buffer.hpp"
#include "gfx/shader_program.hpp"
#include "gfx/specialised_program.hpp"
#include <glm/vec2.hpp>
#include <glm/vec4.hpp>
#include <memory>
#include <string>
#include <vector>

namespace crus::gfx {

struct FrameParams {
  glm::mat4 view{1.0f};
  glm::mat4 projection{1.0f};
  glm::ivec2 viewport_origin{0};
  glm::ivec2 viewport_size{1};
  bool clear = true;
  bool cut = true; // apply the section plane, when one is set (handout pictures show the whole leg)
};

class SceneRenderer {
public:
  SceneRenderer(); // needs a current OpenGL 3.3 context; throws RuntimeError
  ~SceneRenderer();

  // Replaces whatever was uploaded. A structure carried rigidly (a
  // non-identity SceneStructure::transform) is uploaded at rest and drawn
  // through its DrawItem::transform.
  void upload(const Scene& scene);
  // The same atlas at another pose: only the deformed meshes (soft tissue,
  // with rest_positions) are re-uploaded, positions and normals; a bone's pose
  // is its draw item's matrix, so its vertices are not sent again. Falls back
  // to upload() for a scene of another shape.
  void update_pose(const Scene& scene);
  // How many times each structure's vertices were sent to the GL.
  const std::vector<std::size_t>& vertex_uploads() const { return uploads_; }
  void draw(const Scene& scene, const DrawList& list, const FrameParams& frame);
  // The yardstick `crus bench` compares a frame with: the same items' vertex
  // buffers, same target, multisampling and depth test, drawn once each with
  // a one-light shader (shaders/bare.*) and no overlays or blending.
  void draw_bare(const DrawList& list, const FrameParams& frame);
  std::size_t triangles_drawn() const { return triangles_drawn_; }
  // Non-empty when the last draw had more overlay shapes than the GL holds
  // (then none were painted): callers show it rather than cut silently.
  const std::string& overlay_warning() const { return overlay_warning_; }
  std::size_t max_overlay_shapes() const { return max_overlay_texels_ / kTexelsPerOverlay; }
  // The section plane: structures are cut away above `clip` (model frame,
  // core/geometry/section_view.hpp) and `caps` (vertex colours) drawn unlit over the
  // cut. Kept until cleared; `caps` is uploaded once per change.
  void set_section(const Mesh& caps, const glm::vec4& clip);
  void clear_section();
  bool has_section() const { return section_on_; }

  static std::string renderer_string(); // GL_RENDERER
  static std::string version_string();  // GL_VERSION
  static void finish();                 // waits for the GPU to finish the frame

private:
  void draw_item(const DrawItem& item, const DrawList& list);
  void draw_overlays(const DrawList& list);
  void draw_patches_on_top(const DrawList& list);
  void upload_overlays(const DrawList& list);
  static constexpr int kOverlayUnit = 3;
  SpecialisedProgram program_;
  ShaderProgram bare_program_; // made on the first draw_bare
  std::vector<MeshBuffer> buffers_;
  std::vector<std::size_t> triangles_;
  std::vector<std::size_t> uploads_;
  std::vector<bool> deformed_; // the buffer holds a deformed pose, not the rest mesh
  MeshBuffer overlay_;
  MeshBuffer caps_;
  std::size_t cap_triangles_ = 0;
  glm::vec4 clip_{0.0f};
  bool section_on_ = false;
  bool cutting_ = false; // this frame
  std::size_t triangles_drawn_ = 0;
  GLuint overlay_buffer_ = 0;
  GLuint overlay_texture_ = 0;
  std::size_t max_overlay_texels_ = 0;
  std::vector<OverlayRange> overlay_ranges_;
  std::string overlay_warning_;
};

} // namespace crus::gfx
