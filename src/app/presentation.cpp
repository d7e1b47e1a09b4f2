#include "app/presentation.hpp"

#include "app/scene_setup.hpp"
#include "core/error.hpp"

namespace crus::app {

Presentation::Presentation(const Scene& scene) : scene_(scene), document_(scene.structures.size()) {}

void Presentation::apply_render_options(const RenderOptions& o) {
  if (!o.isolate.empty()) document_.isolate(resolve_ids(scene_, o.isolate, "--isolate"));
  if (!o.ghost.empty()) document_.set_visibility(resolve_ids(scene_, o.ghost, "--ghost"), Visibility::ghosted);
  if (!o.hide.empty()) document_.set_visibility(resolve_ids(scene_, o.hide, "--hide"), Visibility::hidden);
  if (!o.select.empty()) document_.select(resolve_id(scene_, o.select, "--select"));
  if (o.mirror) document_.set_mirror(true);
}

DrawList Presentation::draw_list() const {
  return make_draw_list(scene_, document_.state(), document_.hovered(), {}, highlights_);
}

OrbitCamera Presentation::camera_for(AnatomicalView view, float aspect) const {
  OrbitCamera camera;
  // Frame what is drawn, so an isolated structure fills the picture.
  Aabb box{glm::vec3(1e30f), glm::vec3(-1e30f)};
  for (std::size_t i = 0; i < scene_.structures.size(); ++i) {
    if (!is_drawn(document_.state(), {}, i)) continue;
    box.min = glm::min(box.min, scene_.structures[i].box.min);
    box.max = glm::max(box.max, scene_.structures[i].box.max);
  }
  if (!box.valid()) box = scene_.box;
  if (document_.state().mirror) box = mirrored(box);
  CameraPose pose = camera.pose_for(view, box, document_.state().mirror);
  // A wide picture of a tall leg: fit the height, which pose_for already
  // does through the bounding sphere; a narrow one needs more distance.
  if (aspect < 1.0f) pose.distance /= std::max(aspect, 0.2f);
  camera.set_pose(pose);
  return camera;
}

void Presentation::draw_labels(Image&, const OrbitCamera&) const {}

} // namespace crus::app
