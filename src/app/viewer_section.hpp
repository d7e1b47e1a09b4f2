#pragma once
// The section plane in the viewer: remakes the cut (contours, caps, labels)
// when the section shown, what is drawn or the meshes change, and hands the
// caps to the renderer. Only then: an idle viewer recomputes nothing.
#include "core/geometry/section_view.hpp"
#include "gfx/scene_renderer.hpp"
#include "ui/viewer_context.hpp"

#include <optional>

namespace crus::app {

class ViewerSection {
public:
  // `meshes_moved`: the scene's meshes changed (a pose). Returns true when
  // the picture changed (the caps were remade or the section turned off).
  bool update(ui::ViewerContext& ctx, gfx::SceneRenderer& renderer, bool meshes_moved);
  void reset(ui::ViewerContext& ctx, gfx::SceneRenderer& renderer); // a new scene
  double last_ms() const { return last_ms_; }                       // time the last remake took

private:
  struct Key {
    SectionView view;
    std::vector<bool> drawn;
    bool operator==(const Key&) const = default;
  };
  std::optional<Key> made_;
  SectionGeometry geometry_;
  double last_ms_ = 0.0;
};

// Structure id -> compartment from the knowledge base (empty without one).
std::map<std::string, std::string> compartments_of(const ui::ViewerContext& ctx);

} // namespace crus::app
