#include "ui/section_panel.hpp"

#include "core/publish/section_page.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace crus::ui {

void SectionPanel::draw(ViewerContext& ctx) {
  const SectionView view = shown_section(ctx);
  if (!ctx.section_cut || !view.on) {
    ImGui::TextWrapped("No section: turn the section plane on (View > Section, or X).");
    return;
  }
  char heading[160];
  std::snprintf(heading, sizeof heading, "%.0f%% of the way from the knee to the ankle%s", view.fraction * 100.0,
                view.tilt_deg != 0.0 ? ", tilted" : "");
  ImGui::TextUnformatted(heading);
  ImVec2 avail = ImGui::GetContentRegionAvail();
  // The page is laid out for 4:3 (type scales with its height): drawn 4:3 at
  // about one and a half times the pixels shown, so that its labels stay
  // sharp when scaled down into the panel, and fitted into the panel.
  const float scale = ImGui::GetIO().DisplayFramebufferScale.x > 0.0f ? ImGui::GetIO().DisplayFramebufferScale.x : 1.0f;
  const float shown_w = std::max(std::min(avail.x, avail.y * 4.0f / 3.0f), 160.0f);
  int w = static_cast<int>(std::clamp(shown_w * scale * 1.5f, 800.0f, 1600.0f));
  int h = w * 3 / 4;
  // Redrawn when the cut changed or the panel was resized, not while the
  // plane is being dragged (the page would trail behind the mouse).
  const bool resized = std::abs(w - page_w_) > 16;
  if ((ctx.section_revision != drawn_revision_ || resized) && !ctx.section_preview) {
    SectionPageOptions page;
    page.width = w;
    page.height = h;
    if (view.tint_compartments && ctx.knowledge)
      for (const auto& s : ctx.section_cut->structures)
        if (const KnowledgeEntry* e = ctx.knowledge->find(s.id); e && e->compartment) page.compartments[s.id] = *e->compartment;
    try {
      Image image = render_section_page(*ctx.section_cut, page);
      texture_.upload(image.width, image.height, image.rgba);
      page_w_ = image.width;
      page_h_ = image.height;
      problem_.clear();
    } catch (const std::exception& e) {
      problem_ = e.what();
    }
    drawn_revision_ = ctx.section_revision;
  }
  if (!problem_.empty()) {
    ImGui::TextWrapped("The slice cannot be drawn: %s", problem_.c_str());
    return;
  }
  if (texture_.id())
    ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(texture_.id())), ImVec2(shown_w, shown_w * 0.75f));
}

} // namespace crus::ui
