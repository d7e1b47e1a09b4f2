#include "app/viewer_panels.hpp"

#include "core/draw_builder.hpp"

namespace crus::app {

void ViewerPanels::install(ui::Shell&, ui::ViewerContext&) {}
void ViewerPanels::on_scene_loaded(ui::ViewerContext&) {}
void ViewerPanels::before_render(ui::ViewerContext&) {}

DrawList ViewerPanels::draw_list(const ui::ViewerContext& ctx) const {
  return make_draw_list(*ctx.scene, ctx.document->state(), ctx.document->hovered(), ctx.layers);
}

} // namespace crus::app
