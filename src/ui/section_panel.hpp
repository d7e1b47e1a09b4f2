#pragma once
// The section as a flat 2D slice beside the 3D view, like a page of a
// cross-sectional atlas (core/publish/section_page.hpp draws it on the CPU): each
// cut filled and outlined, labels in the margins with leader lines, the
// orientation and a scale bar. Shown while the document's section.slice is on.
#include "gfx/texture.hpp"
#include "ui/panel.hpp"

#include <cstdint>
#include <string>

namespace crus::ui {

class SectionPanel : public Panel {
public:
  SectionPanel() { open = false; }
  const char* title() const override { return "Section"; }
  void draw(ViewerContext& ctx) override;
  PanelSlot slot() const override { return PanelSlot::right_wide; }
  void default_placement(float& x, float& y, float& w, float& h) const override { x = 0.56f, y = 0.06f, w = 0.42f, h = 0.5f; }
  // The page last drawn (for tests), its size in pixels; 0 before any.
  int page_width() const { return page_w_; }
  int page_height() const { return page_h_; }

private:
  gfx::Texture texture_;
  std::uint64_t drawn_revision_ = 0;
  int page_w_ = 0, page_h_ = 0;
  std::string problem_;
};

} // namespace crus::ui
