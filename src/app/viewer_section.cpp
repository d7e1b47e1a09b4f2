#include "app/viewer_section.hpp"

#include "core/document/draw_builder.hpp"

#include <chrono>

namespace crus::app {

std::map<std::string, std::string> compartments_of(const ui::ViewerContext& ctx) {
  std::map<std::string, std::string> out;
  if (!ctx.knowledge || !ctx.scene) return out;
  for (const auto& s : ctx.scene->structures)
    if (const KnowledgeEntry* e = ctx.knowledge->find(s.id); e && e->compartment) out[s.id] = *e->compartment;
  return out;
}

void ViewerSection::reset(ui::ViewerContext& ctx, gfx::SceneRenderer& renderer) {
  made_.reset();
  geometry_ = {};
  ctx.section_labels.clear();
  ctx.section_cut = nullptr;
  ++ctx.section_revision;
  renderer.clear_section();
}

bool ViewerSection::update(ui::ViewerContext& ctx, gfx::SceneRenderer& renderer, bool meshes_moved) {
  const SectionView view = ui::shown_section(ctx);
  if (!view.on || !ctx.scene || ctx.scene->structures.empty()) {
    if (!made_) return false;
    reset(ctx, renderer);
    return true;
  }
  Key key{view, {}};
  const DocumentState& state = ctx.document->state();
  key.drawn.resize(ctx.scene->structures.size());
  // Ghosted structures are drawn see-through; their cut is left open so
  // that what they wrap shows.
  for (std::size_t i = 0; i < key.drawn.size(); ++i)
    key.drawn[i] = is_drawn(state, ctx.layers, i) && state.visibility[i] == Visibility::shown;
  if (made_ && *made_ == key && !meshes_moved) return false;
  auto start = std::chrono::steady_clock::now();
  geometry_ = build_section_geometry(*ctx.scene, view, key.drawn, compartments_of(ctx));
  renderer.set_section(geometry_.caps, geometry_.clip);
  last_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  // With the slice shown as a page beside the view, the page names every
  // structure cut; labels on the 3D cut as well would say it twice and, in
  // the narrow view the page leaves, cover the leg.
  ctx.section_labels = view.slice ? std::vector<LabelAnchor>{} : geometry_.labels;
  ctx.section_cut = &geometry_.section;
  ++ctx.section_revision;
  made_ = std::move(key);
  return true;
}

} // namespace crus::app
