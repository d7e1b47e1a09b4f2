#include "app/viewer_panels.hpp"
#include "core/geometry/rest_frame.hpp"

#include "app/scene_setup.hpp"

#include "core/document/draw_builder.hpp"
#include "core/io/file_io.hpp"
#include "core/error.hpp"
#include "core/document/highlights.hpp"
#include "core/anatomy/referral_overlay.hpp"
#include "core/motion/length_colours.hpp"
#include "core/motion/producer_colours.hpp"
#include "core/motion/presets.hpp"
#include "ui/annotation_panel.hpp"
#include "ui/info_panel.hpp"
#include "ui/motion_panel.hpp"
#include "ui/motion_player.hpp"
#include "ui/pain_map_panel.hpp"
#include "ui/quiz_panel.hpp"
#include "ui/red_flags_panel.hpp"
#include "ui/trigger_point_panel.hpp"
#include "ui/search_panel.hpp"
#include "ui/section_panel.hpp"
#include "ui/structure_browser.hpp"

#include <chrono>
#include <cmath>
#include <filesystem>

namespace crus::app {

Session& ViewerPanels::session(const ui::ViewerContext& ctx) {
  if (external_) return *external_;
  if (!own_ || &own_->scene() != ctx.scene || &own_->document() != ctx.document) own_.emplace(*ctx.scene, *ctx.document);
  return *own_;
}

void ViewerPanels::install(ui::Shell& shell, ui::ViewerContext& ctx) {
  shell.add_panel(std::make_unique<ui::StructureBrowser>());
  shell.add_panel(std::make_unique<ui::SearchPanel>());
  shell.add_panel(std::make_unique<ui::InfoPanel>());
  shell.add_panel(std::make_unique<ui::TriggerPointPanel>());
  shell.add_panel(std::make_unique<ui::PainMapPanel>());
  shell.add_panel(std::make_unique<ui::RedFlagsPanel>());
  auto quiz = std::make_unique<ui::QuizPanel>();
  ui::bind_quiz_commands(shell.commands(), *quiz, ctx);
  shell.add_panel(std::move(quiz));
  shell.add_panel(std::make_unique<ui::MotionPanel>());
  shell.add_panel(std::make_unique<ui::AnnotationPanel>());
  auto slice = std::make_unique<ui::SectionPanel>();
  slice_panel_ = slice.get();
  shell.add_panel(std::move(slice));
}

void ViewerPanels::on_scene_loaded(ui::ViewerContext& ctx) {
  // The knowledge base never stops the viewer: problems are listed instead.
  Session& session = this->session(ctx);
  std::string dir = (std::filesystem::path(assets_dir()) / "knowledge").string();
  session.set_knowledge(load_knowledge(dir));
  const KnowledgeBase& knowledge = session.knowledge();
  ctx.knowledge_problems.clear();
  for (const auto& p : knowledge.problems) ctx.knowledge_problems.push_back(dir + "/" + to_string(p));
  if (ctx.scene->manifest) {
    for (const auto& p : cross_check(knowledge, *ctx.scene->manifest)) ctx.knowledge_problems.push_back(to_string(p));
  }
  for (const auto& p : unknown_structure_ids(*ctx.scene, knowledge)) ctx.knowledge_problems.push_back(p);
  for (const auto& p : ctx.knowledge_problems) ctx.messages.push_back(p);
  ctx.knowledge = &knowledge;
  ctx.layers = session.layers();

  // Trigger points need the atlas landmarks; without them the viewer runs
  // without the overlay and says why.
  ctx.trigger_points = nullptr;
  ctx.red_flags = nullptr;
  ctx.trigger_point_problem.clear();
  try {
    session.set_red_flags(load_red_flags(dir + "/red_flags.json"));
    ctx.red_flags = session.red_flags();
  } catch (const std::exception& e) {
    ctx.messages.push_back(e.what());
  }
  try {
    if (!ctx.scene->manifest)
      throw InputError(ctx.atlas_path, "no atlas manifest with landmarks; referral zones cannot be placed");
    session.set_trigger_points(load_trigger_points(dir + "/trigger_points.json", ctx.scene->manifest->landmarks));
    ctx.trigger_points = session.trigger_points();
  } catch (const std::exception& e) {
    ctx.trigger_point_problem = std::string(e.what()) + " (the viewer runs without the trigger-point overlay)";
    ctx.messages.push_back(ctx.trigger_point_problem);
  }
  // Search knows the trigger points' symptoms too ("heel pain").
  ctx.search = &session.search();
  ctx.skin = -1;
  for (std::size_t i = 0; i < ctx.scene->structures.size(); ++i)
    if (ctx.scene->structures[i].kind == StructureKind::skin) ctx.skin = static_cast<int>(i);
  skin_index_ = ctx.skin >= 0 ? SkinIndex(ctx.scene->structures[static_cast<std::size_t>(ctx.skin)].mesh) : SkinIndex();
  ctx.skin_index = ctx.skin >= 0 ? &skin_index_ : nullptr;
  ctx.painted.clear();
  ctx.paint_mode = false;
  ctx.overlay = {};
  if (!ctx.knowledge_problems.empty()) ctx.show_messages = true;
  load_motion(ctx);
}

void ViewerPanels::load_motion(ui::ViewerContext& ctx) {
  // The leg moves only with the bundled kind of atlas: its bones are the
  // model's bodies. Otherwise the Motion panel says why.
  poser_.reset(); // a bind still running for the last atlas is stopped and its thread joined
  applied_.reset();
  first_pose_asked_.reset();
  ctx.motion = {};
  // Annotation points are stored at rest: found again on the new atlas.
  ctx.annotate.rest = nullptr;
  ctx.annotate.anchors.clear();
  ctx.rest_skin = nullptr;
  try {
    if (!ctx.scene->manifest || !ctx.scene->find("tibia") || !ctx.scene->find("talus"))
      throw InputError(ctx.atlas_path, "not a Crus atlas with the leg's bones; the leg cannot be posed");
    const auto dir = std::filesystem::path(assets_dir()) / "motion";
    if (!motion_model_) motion_model_ = motion::load_motion_model((dir / "joints.json").string());
    if (!muscles_) muscles_ = motion::load_muscles((dir / "muscles.json").string(), *motion_model_);
    poser_.emplace(*motion_model_, *muscles_, *ctx.scene);
    // Bound now, off the UI thread (over a second on the full atlas), so
    // that the first pose change does not stall the window. A pose asked for
    // meanwhile waits (update_pose), and the worker wakes the event loop for it.
    waiting_ = false;
    poser_->bind_in_background([this] {
      if (waiting_ && wake_) wake_();
    });
    ctx.annotate.rest = &poser_->rest();
    applied_ = motion::Pose{};
    ctx.motion.model = &*motion_model_;
    ctx.motion.muscles = &*muscles_;
    ctx.motion.states = motion::muscle_states(*motion_model_, *muscles_, motion::Pose{});
  } catch (const std::exception& e) {
    ctx.motion.problem = e.what();
  }
}

bool ViewerPanels::update_pose(ui::ViewerContext& ctx) {
  if (!poser_ || !ctx.motion.model) return false;
  const motion::Pose pose = ui::shown_pose(ctx);
  const bool moved = !applied_ || !(*applied_ == pose);
  if (moved && !first_pose_asked_) first_pose_asked_ = std::chrono::steady_clock::now();
  if (!moved && ctx.motion.preparing) {
    // Back to the pose the meshes are in before the bind finished: nothing waits.
    waiting_ = false;
    ctx.motion.preparing = false;
    ctx.motion.states = motion::muscle_states(*motion_model_, *muscles_, pose);
  }
  if (moved) {
    // waiting_ first, then bound(): either this sees the worker finished or
    // the worker sees waiting_ and wakes the loop, never neither.
    waiting_ = true;
    if (!poser_->bound()) {
      // Still binding: the pose is kept (the document's or the preview) and
      // applied on the frame the worker wakes; the lengths follow already.
      ctx.motion.preparing = true;
      ctx.motion.states = motion::muscle_states(*motion_model_, *muscles_, pose);
      return false;
    }
    waiting_ = false;
    ctx.motion.preparing = false;
    try {
      poser_->apply(pose, *ctx.scene);
    } catch (const std::exception& e) {
      // The bind failed (on the worker): the leg stays at rest and says why.
      ctx.motion.problem = e.what();
      ctx.motion.model = nullptr;
      ctx.messages.push_back(e.what());
      poser_.reset();
      return false;
    }
    session(ctx).scene_changed(); // highlights, overlay and bounds follow the posed meshes
    applied_ = pose;
    ctx.motion.states = motion::muscle_states(*motion_model_, *muscles_, pose);
  }
  if (ctx.motion.reframe && !ctx.motion.preview) {
    ctx.motion.reframe = false;
    ui::frame_box(ctx, session(ctx).visible_bounds());
  }
  return moved;
}

void ViewerPanels::refresh_skin(ui::ViewerContext& ctx) {
  if (ctx.skin < 0) return;
  const auto skin = static_cast<std::size_t>(ctx.skin);
  skin_index_ = SkinIndex(ctx.scene->structures[skin].mesh);
  ctx.skin_index = &skin_index_;
  const bool posed = poser_ && applied_ && !(*applied_ == motion::Pose{});
  ctx.rest_skin = posed && skin < poser_->rest().structures.size() ? &poser_->rest().structures[skin].mesh : nullptr;
  ++ctx.skin_generation;
}

void ViewerPanels::before_render(ui::ViewerContext& ctx) {
  ui::follow_mirror(ctx);
  if (ctx.frame_request >= 0) {
    ui::frame_structure(ctx, ctx.frame_request);
    ctx.frame_request = -1;
  }
}

void ViewerPanels::update_highlights(ui::ViewerContext& ctx) {
  // Made once per document revision by the session; asked for twice a frame.
  ctx.highlights = session(ctx).highlights();
  add_producer_labels(ctx);
  ctx.overlay = session(ctx).overlay();
  if (std::exception_ptr error = session(ctx).overlay_error()) {
    try {
      std::rethrow_exception(error);
    } catch (const std::exception& e) {
      ctx.trigger_point_problem = e.what();
    }
  }
}

void ViewerPanels::add_producer_labels(ui::ViewerContext& ctx) {
  // The chosen movement's producers numbered by rank on the model, in the
  // colours of their rank (the Motion panel lists the same numbers).
  const motion::ProducerRanking* ranking = ui::current_ranking(ctx);
  if (!ranking || playing_action(ctx) >= 0) return;
  for (const motion::RankedProducer& r : motion::ranked_structures(*ranking, *ctx.scene)) {
    if (r.structure < 0 || r.rank == 0) continue;
    const SceneStructure& s = ctx.scene->structures[static_cast<std::size_t>(r.structure)];
    if (s.mesh.positions.empty() || !is_drawn(ctx.document->state(), ctx.layers, static_cast<std::size_t>(r.structure))) continue;
    // The surface point nearest the middle of its box: on the muscle, whatever its shape.
    const glm::vec3 centre = s.box.centre();
    glm::vec3 at = current_point(s, s.mesh.positions.front());
    const std::size_t step = std::max<std::size_t>(1, s.mesh.positions.size() / 400);
    for (std::size_t i = 0; i < s.mesh.positions.size(); i += step)
      if (const glm::vec3 p = current_point(s, s.mesh.positions[i]); glm::distance(p, centre) < glm::distance(at, centre)) at = p;
    ctx.highlights.labels.push_back({std::to_string(r.rank) + ". " + s.name, at, motion::producer_srgb(r.fraction)});
  }
}

int ViewerPanels::playing_action(const ui::ViewerContext& ctx) {
  return ctx.motion.animation ? ctx.motion.animation->highlight : -1;
}

DrawList ViewerPanels::draw_list(const ui::ViewerContext& ctx) {
  DrawExtras extras{ctx.painted, ctx.brush_radius, std::nullopt};
  if (ctx.light_background) extras.background = glm::vec3(0.95f, 0.95f, 0.94f);
  DrawList list = session(ctx).draw_list(extras);
  list.ambient_occlusion = ctx.ambient_occlusion;
  if (ctx.document->state().colour_by_length && ctx.motion.muscles)
    motion::colour_by_length(list, *ctx.scene, *ctx.motion.muscles, ctx.motion.states, motion::kLengthFullScalePct);
  if (const int played = playing_action(ctx); played >= 0) {
    // Play action: the muscle glows, and takes on the colour of its length
    // change as it shortens or lengthens (its own colour while unchanged: the
    // palette's grey centre would hide it), whatever else is coloured.
    const std::string& id = ctx.scene->structures[static_cast<std::size_t>(played)].id;
    for (std::size_t m = 0; ctx.motion.muscles && m < ctx.motion.muscles->muscles.size() && m < ctx.motion.states.size(); ++m) {
      if (ctx.motion.muscles->muscles[m].id != id) continue;
      const glm::vec3 c = motion::length_change_srgb(ctx.motion.states[m].change_pct, motion::kLengthFullScalePct);
      for (auto& item : list.items)
        if (item.structure == played) {
          const float t = static_cast<float>(std::min(1.0, std::abs(ctx.motion.states[m].change_pct) / 3.0));
          item.colour = glm::vec4(glm::mix(glm::vec3(item.colour), glm::pow(c, glm::vec3(2.2f)), t), 1.0f);
          item.flat_colour = t > 0.0f;
          item.emphasis += glm::vec3(0.18f, 0.14f, 0.04f);
          item.rim = std::max(item.rim, 1.0f);
          item.translucent = false;
        }
    }
  } else if (ctx.document->state().movement && ctx.motion.ranking && ctx.motion.muscles && !ctx.motion.producers_hidden) {
    motion::colour_by_producers(list, *ctx.scene, *ctx.motion.muscles, *ctx.motion.ranking);
  }
  return list;
}

} // namespace crus::app
