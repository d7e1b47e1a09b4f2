#pragma once
// The info panel: what the knowledge base says about the selection, in
// sections (origin, insertion, innervation, function, blood supply, clinical
// notes, plain words, sources). Origin, insertion, innervation and function
// each have a toggle that highlights them on the model.
#include "ui/panel.hpp"

#include <string>
#include <vector>

namespace crus::ui {

enum class HighlightToggle { origin, insertion, innervation, function };

class InfoPanel : public Panel {
public:
  InfoPanel() = default;
  const char* title() const override { return "Info"; }
  void draw(ViewerContext& ctx) override;
  PanelSlot slot() const override { return PanelSlot::right; }
  void default_placement(float& x, float& y, float& w, float& h) const override {
    x = 0.73f;
    y = 0.05f;
    w = 0.26f;
    h = 0.89f;
  }

  // What the toggles and buttons do (one undo step each).
  static void toggle(ViewerContext& ctx, HighlightToggle which);
  static bool is_on(const ViewerContext& ctx, HighlightToggle which);
  static void highlight_all(ViewerContext& ctx);
  static void clear_highlights(ViewerContext& ctx);
  // Selects the structure with this id; false when it is not in the scene.
  static bool select_id(ViewerContext& ctx, const std::string& id);

  // What could be clicked in the last frame, in screen coordinates, so that
  // a test can click it: "link:<id>" (a name that selects), "toggle:origin"
  // (.. insertion, innervation, function), "section:<header label>",
  // "button:highlight_all", "button:clear_highlights".
  struct ClickTarget {
    std::string what;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  };
  const std::vector<ClickTarget>& targets() const { return targets_; }
  const ClickTarget* find_target(const std::string& what) const;

private:
  void draw_entry(ViewerContext& ctx, int index, const KnowledgeEntry& entry);
  void draw_missing(ViewerContext& ctx, int index);
  void draw_highlight_bar(ViewerContext& ctx, const KnowledgeEntry& entry);
  bool section(ViewerContext& ctx, const char* label, bool default_open, const HighlightToggle* toggle = nullptr);
  bool link(ViewerContext& ctx, const std::string& id, const std::string& text);
  void link_list(ViewerContext& ctx, const std::vector<std::string>& ids);
  void draw_sources(ViewerContext& ctx, const KnowledgeEntry& entry);

  void add_target(const std::string& what);

  std::vector<ClickTarget> targets_;
  int last_selected_ = -1;
};

} // namespace crus::ui
