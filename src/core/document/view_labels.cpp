#include "core/document/view_labels.hpp"
#include "core/geometry/rest_frame.hpp"

#include "core/document/draw_builder.hpp"
#include "core/geometry/label_layout.hpp"

#include <algorithm>

namespace crus {

namespace {

bool project(const glm::mat4& vp, const glm::vec3& p, glm::vec2 screen, glm::vec2& out) {
  glm::vec4 clip = vp * glm::vec4(p, 1.0f);
  if (clip.w <= 1e-6f) return false;
  glm::vec3 ndc = glm::vec3(clip) / clip.w;
  out = {(ndc.x * 0.5f + 0.5f) * screen.x, (0.5f - ndc.y * 0.5f) * screen.y};
  return true;
}

// A point on the structure's surface facing the viewer, near its middle, so
// the leader line ends on what it names.
glm::vec3 label_point(const SceneStructure& s, const glm::vec3& eye) {
  glm::vec3 c = s.box.centre();
  glm::vec3 best = c;
  float best_score = 1e30f;
  glm::vec3 to_eye = glm::normalize(eye - c);
  const std::size_t step = std::max<std::size_t>(1, s.mesh.positions.size() / 400);
  for (std::size_t i = 0; i < s.mesh.positions.size(); i += step) {
    const glm::vec3 p = current_point(s, s.mesh.positions[i]); // a posed bone: its rest mesh moved
    // Close to the centre line toward the eye, and on the near side.
    glm::vec3 d = p - c;
    float along = glm::dot(d, to_eye);
    float off = glm::length(d - along * to_eye);
    float score = off - along * 0.5f;
    if (score < best_score) {
      best_score = score;
      best = p;
    }
  }
  return best;
}

} // namespace

std::vector<PlacedLabel> place_labels(const std::vector<LabelAnchor>& labels, const LabelView& view, const Aabb& keep_out,
                                      const MeasureText& measure, float font_px) {
  std::vector<PlacedLabel> out;
  if (labels.empty()) return out;
  // The model's screen box, from its corners.
  glm::vec2 lo(1e9f), hi(-1e9f);
  for (int i = 0; i < 8; ++i) {
    glm::vec3 c{i & 1 ? keep_out.max.x : keep_out.min.x, i & 2 ? keep_out.max.y : keep_out.min.y,
                i & 4 ? keep_out.max.z : keep_out.min.z};
    glm::vec2 s;
    if (project(view.view_projection, c, view.screen, s)) {
      lo = glm::min(lo, s);
      hi = glm::max(hi, s);
    }
  }
  // Labels stay in the band between the side panels: lay them out in that
  // band's own coordinates, then shift them back.
  const float band_left = view.right > view.left ? view.left : 0.0f;
  const float band_right = view.right > view.left ? view.right : view.screen.x;
  const glm::vec2 band(band_right - band_left, view.screen.y);
  const glm::vec2 shift(band_left, 0.0f);
  lo = glm::clamp(lo - shift, glm::vec2(0.0f), band);
  hi = glm::clamp(hi - shift, glm::vec2(0.0f), band);
  // Keep columns on screen: if the model fills the width, label inside it.
  float needed = font_px * 12.0f;
  if (lo.x < needed) lo.x = needed;
  if (hi.x > band.x - needed) hi.x = band.x - needed;
  if (hi.x < lo.x) hi.x = lo.x = band.x * 0.5f;

  std::vector<LabelRequest> requests;
  std::vector<glm::vec2> anchors;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    glm::vec2 a;
    if (!project(view.view_projection, labels[i].position, view.screen, a)) a = glm::vec2(-1.0f);
    const glm::vec2 text = measure(labels[i].text);
    requests.push_back({a.x < 0.0f ? a : a - shift, glm::vec2(text.x + kLabelPad * 2, text.y + kLabelPad * 2),
                        static_cast<int>(labels.size() - i)});
    anchors.push_back(a);
  }
  // A band between panels too narrow for a column on each side of the model
  // (a small window with large text): one column at the band's right edge,
  // so that labels from the two sides cannot cover each other; a label wider
  // than the band is left out rather than drawn under a panel.
  // (A label sits layout_labels's two margins clear of the model's side.)
  constexpr float kMargin = 8.0f;
  const bool narrowed = view.right > view.left;
  float widest = 0.0f;
  for (const LabelRequest& r : requests) widest = std::max(widest, r.size.x);
  if (narrowed && 2.0f * (widest + 2.0f * kMargin) > band.x) lo = hi = glm::vec2(1e6f); // every anchor left of it
  auto placed = layout_labels(requests, band, lo, hi, kMargin, view.top, view.bottom);
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (!placed[i].visible || anchors[i].x < 0.0f) continue;
    if (narrowed && requests[i].size.x > band.x - 2.0f * kMargin) continue;
    const glm::vec2 tl = placed[i].top_left + shift;
    out.push_back({i, anchors[i], tl, tl + requests[i].size});
  }
  return out;
}

ScreenRect screen_rect(const Aabb& box, const LabelView& view) {
  ScreenRect r{glm::vec2(1e30f), glm::vec2(-1e30f)};
  if (!box.valid()) return ScreenRect{};
  for (int i = 0; i < 8; ++i) {
    glm::vec3 corner{i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y, i & 4 ? box.max.z : box.min.z};
    glm::vec4 clip = view.view_projection * glm::vec4(corner, 1.0f);
    if (clip.w <= 1e-6f) return ScreenRect{glm::vec2(0.0f), view.screen}; // behind the eye: assume everywhere
    glm::vec2 p((clip.x / clip.w * 0.5f + 0.5f) * view.screen.x, (0.5f - clip.y / clip.w * 0.5f) * view.screen.y);
    r.min = glm::min(r.min, p);
    r.max = glm::max(r.max, p);
  }
  return r;
}

std::vector<LabelAnchor> view_labels(const Scene& scene, const DocumentState& state, const std::vector<int>& layers,
                                     const std::vector<LabelAnchor>& highlight_labels,
                                     const std::vector<LabelAnchor>& section_labels, glm::vec3 eye) {
  std::vector<LabelAnchor> labels;
  auto add = [&](int index, glm::vec3 colour) {
    if (index < 0 || static_cast<std::size_t>(index) >= scene.structures.size()) return;
    if (!is_drawn(state, layers, static_cast<std::size_t>(index))) return;
    const SceneStructure& s = scene.structures[static_cast<std::size_t>(index)];
    labels.push_back({s.name, label_point(s, eye), colour});
  };
  add(state.selected, glm::vec3(1.0f, 0.85f, 0.35f));
  for (const auto& l : highlight_labels) labels.push_back(l);
  for (int p : state.pinned)
    if (p != state.selected) add(p, glm::vec3(0.85f));
  // The section's cuts, each named on its cut face.
  labels.insert(labels.end(), section_labels.begin(), section_labels.end());
  return labels;
}

} // namespace crus
