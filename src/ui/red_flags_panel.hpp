#pragma once
// "Not muscle pain? Red flags": the other causes of calf and leg pain that
// must not be missed, emergencies first, each with its warning signs in plain
// words. The list is drawn by a static helper so that the pain-map panel can
// show the same list at its foot.
#include "ui/panel.hpp"

#include <utility>
#include <vector>

namespace crus::ui {

class RedFlagsPanel : public Panel {
public:
  RedFlagsPanel() { open = false; }
  const char* title() const override { return "Red flags"; }
  void draw(ViewerContext& ctx) override;
  PanelSlot slot() const override { return PanelSlot::inner; }
  void default_placement(float& x, float& y, float& w, float& h) const override {
    x = 0.30f;
    y = 0.10f;
    w = 0.34f;
    h = 0.75f;
  }

  // The red flags grouped by urgency, most urgent group first, file order
  // within a group; empty groups are left out.
  static std::vector<std::pair<Urgency, std::vector<const RedFlag*>>> groups(const RedFlagSet& set);
  static std::vector<std::pair<Urgency, std::vector<const RedFlag*>>> groups(const std::vector<const RedFlag*>& flags);
  // The disclaimer, then one coloured header per urgency with what to do,
  // then each red flag as a tree node (emergencies open): what it is, its
  // warning signs and what makes it an emergency.
  static void draw_red_flags(const RedFlagSet& set);
  // The same for a chosen few (in by_urgency order), without the
  // disclaimer; `open_emergencies` unfolds the emergencies.
  static void draw_red_flags(const RedFlagSet& set, const std::vector<const RedFlag*>& flags, bool open_emergencies);
  // What to say when the red-flag file could not be loaded.
  static void draw_missing();
};

// "Emergency: get help now", "See a doctor today", "Book an appointment soon".
const char* urgency_heading(Urgency urgency);

} // namespace crus::ui
