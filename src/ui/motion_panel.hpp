#pragma once
// Motion: the leg's joints as sliders with their anatomical names, named
// presets reached by a smooth transition, Play (a movement from the current
// pose to the end of its range and back), reset, and muscles coloured by
// how much they shorten or lengthen, with a legend and each muscle's
// change listed. The pose lives in the document: every change a slider
// release, a preset or reset makes is one named, undoable step; what moves
// in between (dragging, transitions, Play) is a preview only.
#include "core/motion/sweep.hpp"
#include "ui/panel.hpp"

#include <optional>
#include <string>

namespace crus::ui {

class MotionPanel : public Panel {
public:
  MotionPanel() { open = false; }
  const char* title() const override { return "Motion"; }
  void draw(ViewerContext& ctx) override;
  PanelSlot slot() const override { return PanelSlot::right; }

  // Starts a smooth transition to `target`, committed as `step_name` when it
  // arrives (the panel's buttons; also for tests and scripts).
  void go_to(ViewerContext& ctx, const motion::Pose& target, const std::string& step_name);
  // Plays `movement` (+1 or -1 along a coordinate) to the end of its range and back.
  void play(ViewerContext& ctx, motion::Coordinate c, int direction);
  // Advances a running transition or Play by `dt` seconds.
  void advance(ViewerContext& ctx, double dt);
  bool busy() const { return animation_.has_value(); }

private:
  struct Animation {
    motion::Sweep sweep;
    double t = 0.0, duration = 0.5;
    bool there_and_back = false;
    std::string commit; // the step to record at the end; empty: none (Play)
  };
  std::optional<Animation> animation_;
  int movement_ = 0; // index into motion::all_movements()
};

} // namespace crus::ui
