#pragma once
// Wires the panels to the viewer: which panels exist, what they know (the
// knowledge base, trigger points), and what the 3D view adds for them.
#include "core/draw_list.hpp"
#include "ui/shell.hpp"
#include "ui/viewer_context.hpp"

namespace crus::app {

class ViewerPanels {
public:
  void install(ui::Shell& shell, ui::ViewerContext& ctx);
  void on_scene_loaded(ui::ViewerContext& ctx);
  void before_render(ui::ViewerContext& ctx);
  DrawList draw_list(const ui::ViewerContext& ctx) const;
};

} // namespace crus::app
