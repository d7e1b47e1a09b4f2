#pragma once
// Wires the panels to the viewer: which panels exist, what they know (the
// knowledge base, the search index), and what the 3D view adds for them.
#include "core/document/draw_list.hpp"
#include "core/anatomy/knowledge.hpp"
#include "core/motion/posed_leg.hpp"
#include "core/anatomy/red_flags.hpp"
#include "core/anatomy/referral.hpp"
#include "core/anatomy/search.hpp"
#include "core/document/session.hpp"
#include "core/anatomy/trigger_points.hpp"
#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include "ui/shell.hpp"
#include "ui/viewer_context.hpp"

namespace crus::app {

class ViewerPanels {
public:
  // `session` owns what is loaded and makes what is drawn (core/document/session.hpp);
  // ctx's scene, document, knowledge and clinical sets point into it.
  explicit ViewerPanels(Session& session) : external_(&session) {}
  // Without one (tests that wire a context by hand): a session over ctx's
  // own scene and document, made when first needed.
  ViewerPanels() = default;
  void install(ui::Shell& shell, ui::ViewerContext& ctx);
  // Loads the knowledge base, trigger points and red flags into the
  // session for its new scene; problems go to ctx.messages.
  void on_scene_loaded(ui::ViewerContext& ctx);
  // Highlights for the selection, before the panels draw (the session's, cached by revision).
  void update_highlights(ui::ViewerContext& ctx);
  void before_render(ui::ViewerContext& ctx);
  // The session's draw list with the viewer's extras (painted area, light
  // background) and the motion colouring on top.
  DrawList draw_list(const ui::ViewerContext& ctx);
  // Poses the scene when the pose shown changed (the document's or the
  // Motion panel's preview); true when its meshes moved and need uploading.
  // After the leg has moved and stopped: the skin index follows the posed
  // skin, and the rest skin is named for carrying painted points back.
  // While the soft tissue is still being bound (begun on a worker when the
  // atlas loaded), a new pose waits: ctx.motion.preparing says so, and the
  // pose is applied on the frame after the bind, which `wake` (set_wake)
  // asks for from the worker.
  void refresh_skin(ui::ViewerContext& ctx);
  bool update_pose(ui::ViewerContext& ctx);
  // Called on the bind's worker thread when a pose waits for it: the viewer
  // wakes its event loop (platform::Window::wake). Set before on_scene_loaded.
  void set_wake(std::function<void()> wake) { wake_ = std::move(wake); }
  // The viewer is closing: a bind still running stops within milliseconds
  // (its thread joined) instead of holding the window open until it ends.
  void stop_background_bind() {
    if (poser_) poser_->cancel_bind();
  }
  // When the first pose change after the atlas loaded was asked for (none
  // yet: empty), and how many binds ran on the UI thread (CRUS_POSE_TIME).
  std::optional<std::chrono::steady_clock::time_point> first_pose_asked() const { return first_pose_asked_; }
  int binds_on_ui_thread() const { return poser_ ? poser_->binds_on_caller() : 0; }
  // The section's 2D slice panel (open while the document's section.slice is on).
  ui::Panel* slice_panel() const { return slice_panel_; }

private:
  void load_motion(ui::ViewerContext& ctx);
  static void add_producer_labels(ui::ViewerContext& ctx);
  static int playing_action(const ui::ViewerContext& ctx); // the structure whose action plays, -1 when none
  Session& session(const ui::ViewerContext& ctx);
  Session* external_ = nullptr;
  std::optional<Session> own_;
  SkinIndex skin_index_;
  std::optional<motion::MotionModel> motion_model_;
  std::optional<motion::MuscleSet> muscles_;
  // Declared before poser_, whose worker calls them: they outlive its thread.
  std::function<void()> wake_;
  std::atomic<bool> waiting_{false}; // a pose waits for the bind
  std::optional<std::chrono::steady_clock::time_point> first_pose_asked_;
  std::optional<motion::LegPoser> poser_;
  std::optional<motion::Pose> applied_; // the pose the scene's meshes are in
  ui::Panel* slice_panel_ = nullptr;
};

} // namespace crus::app
