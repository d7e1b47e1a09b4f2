#pragma once
// The trigger-point panel: which referral maps the 3D view paints (off, one
// trigger point, one muscle, or all of them with a colour per muscle), the
// colour-blind-safe palette, and what the data says about the chosen
// trigger point in plain words, with its sources. Every change to the
// overlay goes through document.set_overlay, so it can be undone.
#include "ui/handout_saver.hpp"
#include "ui/panel.hpp"

#include <string>
#include <vector>

namespace crus::ui {

// One entry of the muscle list: a muscle or a group of muscles (for
// example "gastrocnemius" for both heads) that has trigger points.
struct TriggerPointMuscle {
  std::string id;
  std::string name;
};

class TriggerPointPanel : public Panel {
public:
  // Starts closed (View menu): the 3D view stays clear until it is wanted.
  TriggerPointPanel() { open = false; }
  const char* title() const override { return "Trigger points"; }
  void draw(ViewerContext& ctx) override;
  PanelSlot slot() const override { return PanelSlot::inner; }
  void default_placement(float& x, float& y, float& w, float& h) const override {
    // Over the right column (the info panel), leaving the leg in view.
    x = 0.73f;
    y = 0.05f;
    w = 0.26f;
    h = 0.89f;
  }

  // The actions behind the controls (one undo step each).
  // Switches the mode, keeping the trigger point or muscle last chosen (the
  // first one when none was).
  void set_mode(ViewerContext& ctx, OverlayMode mode);
  // Shows one trigger point (mode trigger_point) or one muscle or group
  // (mode muscle); the id says which.
  void choose_trigger_point(ViewerContext& ctx, const std::string& id);
  void choose_muscle(ViewerContext& ctx, const std::string& id);
  static void set_colour_blind_safe(ViewerContext& ctx, bool on);
  // Selects the trigger point's muscle; false when the scene lacks it.
  static bool select_muscle(ViewerContext& ctx, const TriggerPoint& trigger_point);
  // Calls ctx.export_handout and keeps a one-line result for the panel.
  void export_handout(ViewerContext& ctx, const std::string& path, const std::string& trigger_point);

  // The trigger point whose details the panel shows, or null.
  const TriggerPoint* current(const ViewerContext& ctx) const;
  // Muscles and groups with trigger points, groups first, in file order.
  static std::vector<TriggerPointMuscle> muscles(const ViewerContext& ctx);
  // ~/crus-handout-<id>.png (the working folder when HOME is unset).
  static std::string default_handout_path(const std::string& id);
  const std::string& export_result() const { return saver_.result(); }
  bool export_failed() const { return saver_.failed(); }

private:
  void draw_controls(ViewerContext& ctx, const TriggerPointSet& set);
  void draw_details(ViewerContext& ctx, const TriggerPointSet& set, const TriggerPoint& tp);
  void draw_export(ViewerContext& ctx, const TriggerPoint& tp);

  std::string trigger_point_; // last trigger point chosen
  std::string muscle_;        // last muscle or group chosen
  HandoutSaver saver_;
};

} // namespace crus::ui
