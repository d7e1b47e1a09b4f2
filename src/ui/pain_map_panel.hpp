#pragma once
// "Where does it hurt?": the user paints the painful area on the skin (the
// 3D view adds the points to ctx.painted in paint mode), and the panel lists
// the trigger points whose referral zones cover it, essential zones before
// spillover ones. Choosing one selects its muscle and shows its map. The
// note that Crus does not diagnose and the red flags stay at the foot.
#include "ui/handout_saver.hpp"
#include "ui/panel.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace crus::ui {

class PainMapPanel : public Panel {
public:
  // Starts closed (View menu): the 3D view stays clear until it is wanted.
  PainMapPanel() { open = false; }
  const char* title() const override { return "Where does it hurt?"; }
  void draw(ViewerContext& ctx) override;
  PanelSlot slot() const override { return PanelSlot::inner; }
  void default_placement(float& x, float& y, float& w, float& h) const override {
    // Over the left column (the structure browser), where a clinician
    // working with a patient needs it most; the leg stays in view.
    x = 0.01f;
    y = 0.05f;
    w = 0.23f;
    h = 0.89f;
  }

  // The ranked candidates for ctx.painted, recomputed only when the painted
  // points (or the trigger-point set) change. Empty without trigger points.
  const std::vector<ReferralCandidate>& candidates(const ViewerContext& ctx);
  // Selects candidate i's muscle and shows its trigger point's map, keeping
  // the colour-blind setting (two undo steps: selection, then overlay).
  void choose(ViewerContext& ctx, std::size_t i);
  // Forgets the painted points.
  static void clear(ViewerContext& ctx);
  // Calls ctx.export_handout(path, "") and keeps a one-line result.
  void export_handout(ViewerContext& ctx, const std::string& path);

  // The red flags that fit the painted areas (every red flag when the atlas
  // lacks the landmarks the areas need), emergencies first; empty when
  // nothing is painted or the red flags are not loaded. When one is urgent
  // or an emergency, the panel shows them above the trigger points.
  const std::vector<const RedFlag*>& fitting_red_flags(const ViewerContext& ctx);
  // The painted body areas (empty without the landmarks or painting).
  const std::vector<BodyArea>& painted_areas(const ViewerContext& ctx);

  // Folds or unfolds the red-flag box at the foot.
  void set_red_flags_open(bool open) { show_red_flags_ = open; }
  bool red_flags_open() const { return show_red_flags_; }
  int chosen() const { return chosen_; }
  std::size_t lookups() const { return lookups_; } // how many times the ranking was computed
  const std::string& export_result() const { return saver_.result(); }
  bool export_failed() const { return saver_.failed(); }

  static constexpr const char* kEducationNote =
      "For education only: Crus does not diagnose. See a health professional about pain.";

private:
  void draw_brush(ViewerContext& ctx);
  void draw_candidates(ViewerContext& ctx);
  void draw_export(ViewerContext& ctx);
  void draw_footer(ViewerContext& ctx);
  void draw_fitting_red_flags(ViewerContext& ctx);
  void update_areas(const ViewerContext& ctx);

  std::vector<ReferralCandidate> candidates_;
  const TriggerPointSet* computed_for_ = nullptr;
  std::size_t painted_size_ = 0;
  std::uint64_t painted_hash_ = 0;
  bool computed_ = false;
  std::size_t lookups_ = 0;
  int chosen_ = -1;
  std::string chosen_id_; // the chosen trigger point, kept across recomputations
  bool show_red_flags_ = false;
  HandoutSaver saver_;
  // Cached with the same fingerprint as the candidates.
  std::vector<BodyArea> areas_;
  std::vector<const RedFlag*> fitting_;
  const RedFlagSet* areas_for_flags_ = nullptr;
  std::uint64_t areas_hash_ = 0;
  std::size_t areas_size_ = 0;
  bool areas_computed_ = false;
};

} // namespace crus::ui
