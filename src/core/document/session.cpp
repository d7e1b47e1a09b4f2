#include "core/document/session.hpp"

#include "core/anatomy/scene_knowledge.hpp"
#include "core/document/scene_picks.hpp"

#include <utility>

namespace crus {

Session::Session() : owned_(Scene{}), scene_(&*owned_) {}

Session::Session(Scene& borrowed) : scene_(&borrowed), owned_document_(borrowed.structures.size()) {
  layers_.assign(borrowed.structures.size(), 0);
}

Session::Session(Scene& borrowed, Document& document) : scene_(&borrowed), document_(&document) {
  layers_.assign(borrowed.structures.size(), 0);
}

void Session::set_scene(Scene scene) {
  owned_ = std::move(scene);
  scene_ = &*owned_;
  document_->reset(scene_->structures.size());
  knowledge_ = KnowledgeBase{};
  has_knowledge_ = false;
  layers_.assign(scene_->structures.size(), 0);
  search_ = SearchIndex{};
  search_made_ = false;
  trigger_points_.reset();
  red_flags_.reset();
  picks_ = PickIndex{};
  picks_built_ = false;
  ++scene_generation_;
  reset_derived();
}

void Session::set_scene(Scene scene, PickIndex picks) {
  set_scene(std::move(scene));
  picks_ = std::move(picks);
  picks_built_ = true;
}

void Session::reset_derived() {
  highlights_key_.reset();
  overlay_key_.reset();
  list_key_.reset();
  box_key_.reset();
}

void Session::set_knowledge(KnowledgeBase knowledge) {
  knowledge_ = std::move(knowledge);
  has_knowledge_ = true;
  layers_ = apply_knowledge(*scene_, knowledge_);
  search_made_ = false;
  ++scene_generation_; // names and layers changed what is drawn and labelled
}

void Session::set_trigger_points(std::optional<TriggerPointSet> set) {
  trigger_points_ = std::move(set);
  search_made_ = false; // their symptoms are searchable too
  overlay_key_.reset();
  list_key_.reset();
}

void Session::set_red_flags(std::optional<RedFlagSet> set) { red_flags_ = std::move(set); }

const SearchIndex& Session::search() {
  if (!search_made_) {
    search_ = make_search_index(*scene_, knowledge_, trigger_points());
    search_made_ = true;
  }
  return search_;
}

const PickIndex& Session::picks() {
  if (!picks_built_) rebuild_picks();
  return picks_;
}

void Session::rebuild_picks() {
  picks_ = pick_index_of(*scene_);
  counts_.pick_meshes += static_cast<int>(scene_->structures.size());
  picks_built_ = true;
  overlay_key_.reset(); // markers sit on the surface the index finds
  list_key_.reset();
}

void Session::pose_picks(bool soft_tissue) {
  if (!picks_built_) return; // built on first use, posed as it stands then
  if (picks_.mesh_count() != scene_->structures.size()) {
    rebuild_picks();
    return;
  }
  for (std::size_t i = 0; i < scene_->structures.size(); ++i) {
    const SceneStructure& s = scene_->structures[i];
    picks_.set_transform(static_cast<int>(i), s.transform);
    if (soft_tissue && !s.mesh.rest_positions.empty()) {
      picks_.rebuild(static_cast<int>(i), s.mesh);
      ++counts_.pick_meshes;
    }
  }
  overlay_key_.reset();
  list_key_.reset();
}

const SelectionHighlights& Session::highlights() {
  const HighlightKey now{document_->state().selected, document_->state().highlights, scene_generation_};
  if (highlights_key_ != now) {
    highlights_ = compute_highlights(*scene_, has_knowledge_ ? &knowledge_ : nullptr, now.selected, now.toggles);
    highlights_key_ = now;
    ++counts_.highlights;
  }
  return highlights_;
}

const OverlayInputs& Session::overlay() {
  const OverlayKey now{document_->state().overlay, scene_generation_};
  if (overlay_key_ != now) {
    overlay_ = {};
    overlay_error_ = nullptr;
    try {
      if (trigger_points_ && document_->state().overlay.mode != OverlayMode::none)
        overlay_ = make_overlay(*trigger_points_, document_->state().overlay, *scene_, &picks());
    } catch (const std::exception&) {
      overlay_ = {};
      overlay_error_ = std::current_exception();
    }
    overlay_key_ = now;
    ++counts_.overlays;
  }
  return overlay_;
}

std::exception_ptr Session::overlay_error() {
  (void)overlay();
  return overlay_error_;
}

const DrawList& Session::draw_list(const DrawExtras& extras) {
  if (list_key_ == key() && list_hovered_ == document_->hovered() && list_extras_ == extras) return list_;
  HighlightInputs inputs = highlights().inputs;
  const OverlayInputs& ov = overlay();
  inputs.zones = ov.zones;
  inputs.markers.insert(inputs.markers.end(), ov.markers.begin(), ov.markers.end());
  add_painted_zones(inputs, extras.painted, extras.brush_radius);
  list_ = make_draw_list(*scene_, document_->state(), document_->hovered(), layers_, inputs);
  if (extras.background) list_.background = *extras.background;
  list_key_ = key();
  list_hovered_ = document_->hovered();
  list_extras_ = extras;
  ++counts_.draw_lists;
  return list_;
}

DrawList Session::handout_draw_list(const Overlay& overlay, const std::vector<glm::vec3>& painted, float brush_radius) {
  DrawList list;
  DocumentState state = document_->state();
  state.overlay = overlay;
  state.selected = -1;
  state.mirror = false; // the handout shows the right leg its zones were drawn on
  HighlightInputs inputs;
  if (trigger_points_ && overlay.mode != OverlayMode::none) {
    OverlayInputs ov = make_overlay(*trigger_points_, overlay, *scene_, &picks());
    inputs.zones = ov.zones;
    inputs.markers = ov.markers;
  }
  add_painted_zones(inputs, painted, brush_radius);
  list = make_draw_list(*scene_, state, -1, layers_, inputs);
  list.background = glm::vec3(1.0f); // a printed page should not be mostly ink
  return list;
}

OrbitCamera Session::handout_camera(AnatomicalView view, float aspect) {
  OrbitCamera camera;
  camera.set_pose(camera.pose_for(view, drawn_box(), false, aspect));
  return camera;
}

Aabb drawn_bounds(const Scene& scene, const DocumentState& state, const std::vector<int>& layers) {
  // Frame what is drawn, so an isolated structure fills the picture.
  Aabb box{glm::vec3(1e30f), glm::vec3(-1e30f)};
  for (std::size_t i = 0; i < scene.structures.size(); ++i) {
    if (!is_drawn(state, layers, i)) continue;
    box.min = glm::min(box.min, scene.structures[i].box.min);
    box.max = glm::max(box.max, scene.structures[i].box.max);
  }
  if (!box.valid()) box = scene.structures.empty() ? Aabb{glm::vec3(-0.1f), glm::vec3(0.1f)} : scene.box;
  return box;
}

Aabb Session::drawn_box() {
  if (box_key_ != key()) {
    box_ = drawn_bounds(*scene_, document_->state(), layers_);
    box_key_ = key();
    ++counts_.boxes;
  }
  return box_;
}

Aabb Session::visible_bounds() {
  const Aabb box = drawn_box();
  return document_->state().mirror ? mirrored(box) : box;
}

OrbitCamera Session::camera_for(AnatomicalView view, float aspect) { return camera_for(view, aspect, drawn_box()); }

OrbitCamera Session::camera_for(AnatomicalView view, float aspect, const Aabb& frame) const {
  OrbitCamera camera;
  Aabb box = frame;
  if (document_->state().mirror) box = mirrored(box);
  camera.set_pose(camera.pose_for(view, box, document_->state().mirror, aspect));
  return camera;
}

} // namespace crus
