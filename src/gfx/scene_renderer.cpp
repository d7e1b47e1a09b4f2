#include "gfx/scene_renderer.hpp"

#include "core/geometry/overlay_geometry.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <glm/geometric.hpp>
#include <glm/mat4x4.hpp>

namespace crus::gfx {

// Uniforms that switch whole parts of mesh.frag off when zero: each item is
// drawn by a variant compiled without the parts it does not use.
SceneRenderer::SceneRenderer()
    : program_(
          "mesh.vert", "mesh.frag",
          {"u_striation", "u_patch_count", "u_zone_count", "u_patch_only", "u_unlit", "u_clip_on", "u_vertex_colour", "u_rim"}) {
  glGenBuffers(1, &overlay_buffer_);
  glGenTextures(1, &overlay_texture_);
  GLint max_texels = 0;
  glGetIntegerv(GL_MAX_TEXTURE_BUFFER_SIZE, &max_texels);
  max_overlay_texels_ = static_cast<std::size_t>(std::max(max_texels, 0));
}

SceneRenderer::~SceneRenderer() {
  glDeleteTextures(1, &overlay_texture_);
  glDeleteBuffers(1, &overlay_buffer_);
}

void SceneRenderer::upload_overlays(const DrawList& list) {
  OverlayPack pack = pack_overlays(list);
  overlay_warning_.clear();
  if (pack.texels.size() > max_overlay_texels_) {
    // Far beyond any real highlight; say so rather than paint a cut set.
    overlay_warning_ = std::to_string(pack.texels.size() / kTexelsPerOverlay) +
                       " overlay shapes are more than this OpenGL can hold (" +
                       std::to_string(max_overlay_texels_ / kTexelsPerOverlay) + "); overlays are not drawn";
    pack = {};
    pack.ranges.resize(list.items.size());
  }
  overlay_ranges_ = std::move(pack.ranges);
  // A texture buffer needs storage even when empty.
  if (pack.texels.empty()) pack.texels.emplace_back(0.0f);
  glActiveTexture(GL_TEXTURE0 + kOverlayUnit);
  glBindBuffer(GL_TEXTURE_BUFFER, overlay_buffer_);
  glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(pack.texels.size() * sizeof(glm::vec4)), pack.texels.data(),
               GL_STREAM_DRAW);
  glBindTexture(GL_TEXTURE_BUFFER, overlay_texture_);
  glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA32F, overlay_buffer_);
  glBindBuffer(GL_TEXTURE_BUFFER, 0);
  glActiveTexture(GL_TEXTURE0);
  program_.set("u_overlays", kOverlayUnit);
}

std::string SceneRenderer::renderer_string() {
  const GLubyte* s = glGetString(GL_RENDERER);
  return s ? reinterpret_cast<const char*>(s) : "unknown";
}

std::string SceneRenderer::version_string() {
  const GLubyte* s = glGetString(GL_VERSION);
  return s ? reinterpret_cast<const char*>(s) : "unknown";
}

void SceneRenderer::upload(const Scene& scene) {
  buffers_.clear();
  triangles_.clear();
  uploads_.assign(scene.structures.size(), 1);
  deformed_.clear();
  buffers_.reserve(scene.structures.size());
  for (const auto& s : scene.structures) {
    buffers_.emplace_back();
    buffers_.back().update(s.mesh); // a bone's rest mesh: its pose is the draw item's matrix
    deformed_.push_back(!s.mesh.rest_positions.empty());
    triangles_.push_back(s.mesh.triangle_count());
  }
}

void SceneRenderer::update_pose(const Scene& scene) {
  bool same = buffers_.size() == scene.structures.size();
  for (std::size_t i = 0; same && i < buffers_.size(); ++i)
    same = buffers_[i].vertex_count() == scene.structures[i].mesh.positions.size() &&
           triangles_[i] == scene.structures[i].mesh.triangle_count();
  if (!same) {
    upload(scene);
    return;
  }
  for (std::size_t i = 0; i < buffers_.size(); ++i) {
    const Mesh& m = scene.structures[i].mesh;
    // At rest or rigid (drawn through its matrix): nothing to send, unless the
    // buffer still holds a deformed pose (a rest scene put back wholesale).
    const bool deformed = !m.rest_positions.empty();
    if (!deformed && !deformed_[i]) continue;
    buffers_[i].update_surface(m);
    deformed_[i] = deformed;
    ++uploads_[i];
  }
}

void SceneRenderer::set_section(const Mesh& caps, const glm::vec4& clip) {
  caps_.update(caps);
  cap_triangles_ = caps.triangle_count();
  clip_ = clip;
  section_on_ = true;
}

void SceneRenderer::clear_section() {
  section_on_ = false;
  cap_triangles_ = 0;
}

void SceneRenderer::draw_item(const DrawItem& item, const DrawList& list) {
  if (item.structure < 0 || static_cast<std::size_t>(item.structure) >= buffers_.size()) return;
  program_.set("u_colour", item.colour);
  program_.set("u_item", item.transform);
  const MeshBuffer& buffer = buffers_[static_cast<std::size_t>(item.structure)];
  program_.set("u_vertex_colour", buffer.has_vertex_colours() && !item.flat_colour ? 1.0f : 0.0f);
  program_.set("u_striation", buffer.has_fibres() ? 1.0f : 0.0f);
  program_.set("u_emphasis", item.emphasis);
  program_.set("u_rim", item.rim);
  program_.set("u_specular", item.translucent ? 0.25f : 0.35f);

  // This item's overlays: a range of the texture buffer filled in draw().
  OverlayRange r;
  const auto index = static_cast<std::size_t>(&item - list.items.data());
  if (index < overlay_ranges_.size()) r = overlay_ranges_[index];
  program_.set("u_patch_first", r.patch_first);
  program_.set("u_patch_count", r.patch_count);
  program_.set("u_zone_first", r.zone_first);
  program_.set("u_zone_count", r.zone_count);
  program_.set("u_hatch_scale", 180.0f);

  program_.bind_for_draw();
  buffers_[static_cast<std::size_t>(item.structure)].draw();
  triangles_drawn_ += triangles_[static_cast<std::size_t>(item.structure)];
}

void SceneRenderer::draw_overlays(const DrawList& list) {
  if (list.arrows.empty() && list.markers.empty()) return;
  // Overlays stay visible through the structures in front of them. There are
  // only a handful, so each is its own small upload and draw.
  glDisable(GL_DEPTH_TEST);
  program_.set("u_clip_on", 0.0f);         // arrows and markers stay whole
  program_.set("u_item", glm::mat4(1.0f)); // made where they are now
  program_.set("u_patch_count", 0);
  program_.set("u_zone_count", 0);
  program_.set("u_vertex_colour", 0.0f);
  program_.set("u_striation", 0.0f);
  program_.set("u_specular", 0.2f);
  program_.set("u_rim", 0.0f);
  program_.set("u_emphasis", glm::vec3(0.15f));
  for (const auto& arrow : list.arrows) {
    program_.set("u_colour", glm::vec4(arrow.colour, 1.0f));
    overlay_.update(overlay_mesh({arrow}, {}));
    program_.bind_for_draw();
    overlay_.draw();
  }
  for (const auto& marker : list.markers) {
    program_.set("u_colour", glm::vec4(marker.colour, 1.0f));
    overlay_.update(overlay_mesh({}, {marker}));
    program_.bind_for_draw();
    overlay_.draw();
  }
  program_.set("u_clip_on", cutting_ ? 1.0f : 0.0f);
  glEnable(GL_DEPTH_TEST);
}

void SceneRenderer::draw(const Scene& scene, const DrawList& list, const FrameParams& frame) {
  triangles_drawn_ = 0;
  glViewport(frame.viewport_origin.x, frame.viewport_origin.y, frame.viewport_size.x, frame.viewport_size.y);
  if (frame.clear) {
    glClearColor(list.background.r, list.background.g, list.background.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  }
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LEQUAL);
  glEnable(GL_MULTISAMPLE);
  glDisable(GL_BLEND);
  glEnable(GL_CULL_FACE);
  glCullFace(GL_BACK);
  // A mirror flips the winding.
  glFrontFace(glm::determinant(glm::mat3(list.model)) < 0.0f ? GL_CW : GL_CCW);

  program_.use();
  program_.set("u_model", list.model);
  program_.set("u_view", frame.view);
  program_.set("u_up_view", glm::normalize(glm::mat3(frame.view) * glm::vec3(0.0f, 1.0f, 0.0f)));
  program_.set("u_projection", frame.projection);
  program_.set("u_patch_only", 0.0f);
  upload_overlays(list);
  program_.set("u_unlit", 0.0f);
  program_.set("u_occlusion", list.ambient_occlusion ? 1.0f : 0.0f);
  program_.set("u_clip", clip_);
  cutting_ = section_on_ && frame.cut;
  program_.set("u_clip_on", cutting_ ? 1.0f : 0.0f);

  std::vector<const DrawItem*> translucent;
  for (const auto& item : list.items) {
    if (item.translucent || item.colour.a < 0.999f) translucent.push_back(&item);
    else draw_item(item, list);
  }
  if (cutting_ && cap_triangles_ > 0) {
    // The caps: opaque, unlit, in the colours they carry; the structures
    // themselves end just above them.
    program_.set("u_clip_on", 0.0f);
    program_.set("u_unlit", 1.0f);
    program_.set("u_vertex_colour", 1.0f);
    program_.set("u_colour", glm::vec4(1.0f));
    program_.set("u_item", glm::mat4(1.0f)); // cut from the posed meshes
    program_.bind_for_draw();
    caps_.draw();
    triangles_drawn_ += cap_triangles_;
    program_.set("u_unlit", 0.0f);
    program_.set("u_clip_on", 1.0f);
  }

  draw_overlays(list);

  // Back to front by the distance of each structure's centre from the eye.
  glm::mat4 mv = frame.view * list.model;
  auto depth = [&](const DrawItem* it) {
    if (it->structure < 0 || static_cast<std::size_t>(it->structure) >= scene.structures.size()) return 0.0f;
    glm::vec3 c = scene.structures[static_cast<std::size_t>(it->structure)].box.centre();
    return (mv * glm::vec4(c, 1.0f)).z; // more negative is further
  };
  std::stable_sort(translucent.begin(), translucent.end(), [&](auto* a, auto* b) { return depth(a) < depth(b); });
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDepthMask(GL_FALSE);
  for (const DrawItem* item : translucent) {
    // Inside first, then outside, so a closed envelope blends in order.
    glCullFace(GL_FRONT);
    draw_item(*item, list);
    glCullFace(GL_BACK);
    draw_item(*item, list);
    triangles_drawn_ -= triangles_[static_cast<std::size_t>(item->structure)];
  }
  glDepthMask(GL_TRUE);
  draw_patches_on_top(list);
  glDisable(GL_BLEND);
  glDisable(GL_CULL_FACE);
}

void SceneRenderer::draw_bare(const DrawList& list, const FrameParams& frame) {
  if (!bare_program_.valid()) bare_program_ = ShaderProgram("bare.vert", "bare.frag");
  triangles_drawn_ = 0;
  glViewport(frame.viewport_origin.x, frame.viewport_origin.y, frame.viewport_size.x, frame.viewport_size.y);
  glClearColor(list.background.r, list.background.g, list.background.b, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LEQUAL);
  glEnable(GL_MULTISAMPLE);
  glDisable(GL_BLEND);
  glEnable(GL_CULL_FACE);
  glCullFace(GL_BACK);
  glFrontFace(glm::determinant(glm::mat3(list.model)) < 0.0f ? GL_CW : GL_CCW);
  bare_program_.use();
  bare_program_.set("u_model", list.model);
  bare_program_.set("u_view", frame.view);
  bare_program_.set("u_projection", frame.projection);
  for (const auto& item : list.items) {
    if (item.structure < 0 || static_cast<std::size_t>(item.structure) >= buffers_.size()) continue;
    bare_program_.set("u_colour", glm::vec3(item.colour));
    bare_program_.set("u_item", item.transform);
    buffers_[static_cast<std::size_t>(item.structure)].draw();
    triangles_drawn_ += triangles_[static_cast<std::size_t>(item.structure)];
  }
  glDisable(GL_CULL_FACE);
}

void SceneRenderer::draw_patches_on_top(const DrawList& list) {
  if (list.patches.empty()) return;
  // The attachment patches must show through the muscle that attaches there
  // (drawn solid so it stays visible): a fresh depth buffer holding only the
  // bones keeps a patch hidden behind a bone, while no soft tissue hides it.
  glClear(GL_DEPTH_BUFFER_BIT);
  glDisable(GL_BLEND);
  glEnable(GL_CULL_FACE);
  glCullFace(GL_BACK);
  glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
  for (const auto& item : list.items)
    if (item.patches) {
      program_.set("u_item", item.transform);
      program_.bind_for_draw();
      buffers_[static_cast<std::size_t>(item.structure)].draw();
    }
  glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDepthMask(GL_FALSE);
  program_.set("u_patch_only", 1.0f);
  for (const auto& item : list.items)
    if (item.patches) {
      draw_item(item, list);
      triangles_drawn_ -= triangles_[static_cast<std::size_t>(item.structure)]; // counted once, in the main pass
    }
  program_.set("u_patch_only", 0.0f);
  program_.set("u_clip_on", 0.0f);
  glDepthMask(GL_TRUE);
}

} // namespace crus::gfx

namespace crus::gfx {
void SceneRenderer::finish() { glFinish(); }
} // namespace crus::gfx
