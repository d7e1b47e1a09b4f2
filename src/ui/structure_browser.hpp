#pragma once
// The structure browser: every structure in a tree by kind, then by
// compartment (muscles) or region (the rest), with visibility check boxes,
// colour swatches, show / hide / ghost / isolate for an item or a group, and a
// slider that peels the layers from superficial to deep.
#include "ui/panel.hpp"

#include <map>
#include <string>
#include <vector>

namespace crus::ui {

enum class VisibilityAction { show, hide, ghost, isolate };

// One node of the tree: a kind ("Muscles") with its subgroups ("Lateral"),
// or a subgroup with its members (structure indices, in scene order).
struct StructureGroup {
  std::string label;
  std::vector<int> members;              // every member, subgroups included
  std::vector<StructureGroup> subgroups; // empty for a leaf group
  std::vector<int> loose;                // members not in any subgroup
};

class StructureBrowser : public Panel {
public:
  StructureBrowser() = default;
  const char* title() const override { return "Structures"; }
  void draw(ViewerContext& ctx) override;
  PanelSlot slot() const override { return PanelSlot::left_top; }
  void default_placement(float& x, float& y, float& w, float& h) const override {
    x = 0.01f;
    y = 0.05f;
    w = 0.23f;
    h = 0.56f;
  }

  // The tree as the panel shows it: kinds in the order bones, muscles,
  // tendons, nerves, skin, other; muscles by compartment, the rest by region
  // (from the knowledge base; without it, by kind only).
  static std::vector<StructureGroup> build_tree(const ViewerContext& ctx);
  // The members of "Muscles" or "Muscles/Lateral" (labels as shown, without
  // the counts); empty when there is no such group.
  static std::vector<int> group_members(const ViewerContext& ctx, const std::string& path);
  // What the group buttons and menus do. Returns false for an unknown group.
  static bool apply_group_action(ViewerContext& ctx, const std::string& path, VisibilityAction action);
  static void apply_action(ViewerContext& ctx, const std::vector<int>& members, VisibilityAction action, const std::string& what);

  // The deepest layer in ctx.layers (0 when there are none).
  static int max_layer(const ViewerContext& ctx);
  // A short name for one layer, e.g. "skin", "superficial muscles".
  static std::string layer_name(const ViewerContext& ctx, int layer);
  // What peeling down to `layer` removes: "nothing", "skin", "skin, superficial muscles".
  static std::string peel_description(const ViewerContext& ctx, int layer);
  // Commits a peel value (one undo step when it changes anything).
  static void set_peel(ViewerContext& ctx, int layer);

  // Where things were drawn in the last frame, in screen coordinates, so
  // that a test can click them: each structure's name, and the peel slider.
  struct ScreenRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  };
  const std::map<int, ScreenRect>& item_rects() const { return item_rects_; }
  const ScreenRect& peel_slider_rect() const { return peel_slider_rect_; }
  // "group:Muscles/Lateral" (a group's name), "check:Muscles" (its check
  // box), "menu:Hide group" (an item of the open context menu); null when
  // not drawn.
  const ScreenRect* target(const std::string& what) const {
    auto it = targets_.find(what);
    return it == targets_.end() ? nullptr : &it->second;
  }

private:
  void draw_toolbar(ViewerContext& ctx);
  void draw_group(ViewerContext& ctx, const StructureGroup& group, const std::string& path);
  void draw_item(ViewerContext& ctx, int index);
  bool group_contains_scroll_target(const StructureGroup& group) const;

  std::map<int, ScreenRect> item_rects_;
  std::map<std::string, ScreenRect> targets_;
  ScreenRect peel_slider_rect_;
  int peel_value_ = 0;
  bool peel_editing_ = false;
  int last_selected_ = -1; // the selection as this panel last saw it
  int scroll_to_ = -1;     // a structure to open and scroll to (selection changed elsewhere)
};

} // namespace crus::ui
