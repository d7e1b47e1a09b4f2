#pragma once
// Motion: the leg's joints as sliders with their anatomical names, named
// presets reached by a smooth transition, Play (a movement from the current
// pose to the end of its range and back), reset, and muscles coloured by
// how much they shorten or lengthen, with a legend and each muscle's
// change listed. The pose lives in the document: every change a slider
// release, a preset or reset makes is one named, undoable step; what moves
// in between (dragging, transitions, Play) is a preview only.
#include "ui/panel.hpp"

#include <string>

namespace crus::ui {

class MotionPanel : public Panel {
public:
  MotionPanel() { open = false; }
  const char* title() const override { return "Motion"; }
  void draw(ViewerContext& ctx) override;
  PanelSlot slot() const override { return PanelSlot::right; }

  // The panel's buttons (ui/motion_player.hpp does the moving; kept here
  // for tests and scripts).
  void go_to(ViewerContext& ctx, const motion::Pose& target, const std::string& step_name);
  void play(ViewerContext& ctx, motion::Coordinate c, int direction);
  void advance(ViewerContext& ctx, double dt);
  bool busy(const ViewerContext& ctx) const;

private:
  void draw_movement_choice(ViewerContext& ctx, float avail);
};

} // namespace crus::ui
