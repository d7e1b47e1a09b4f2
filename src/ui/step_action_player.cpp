#include "ui/step_action_player.hpp"

#include <imgui.h>

#include <algorithm>

namespace crus::ui {

void start_step_action(ViewerContext& ctx, const std::optional<StepAction>& action) {
  // A step entered mid-movement leaves the previous preview behind.
  if (ctx.step_action.action && ctx.step_action.action->movement && !ctx.step_action.moved) {
    ctx.motion.preview.reset();
    ctx.motion.animating = false;
  }
  ctx.step_action = StepActionPlayback{};
  if (action && !action->empty()) ctx.step_action.action = *action;
}

bool advance_step_action(ViewerContext& ctx, double now) {
  StepActionPlayback& play = ctx.step_action;
  if (!play.action) return false;
  if (play.started < 0.0) play.started = now;
  const ActionFrame frame = action_frame(*play.action, now - play.started);
  play.lit = frame.lit;
  if (frame.pose && ctx.motion.model && !play.moved) {
    // Within the model's range: a lesson written for another model may ask more.
    motion::Pose pose = *frame.pose;
    for (auto c : motion::kCoordinates)
      pose[c] = std::clamp(pose[c], ctx.motion.model->info(c).min_deg, ctx.motion.model->info(c).max_deg);
    if (frame.running) {
      ctx.motion.preview = pose;
      ctx.motion.animating = true;
    } else {
      ctx.motion.preview.reset();
      ctx.motion.animating = false;
      ctx.document->set_pose(pose, "Lesson: movement");
      play.moved = true;
    }
  }
  if (!frame.running) {
    play.action.reset();
    play.lit.clear();
    return false;
  }
  return true;
}

void light_step_action(const ViewerContext& ctx, DrawList& list) {
  if (ctx.step_action.lit.empty() || !ctx.scene) return;
  const int lit = ctx.scene->index_of(ctx.step_action.lit);
  for (DrawItem& item : list.items)
    if (item.structure == lit) {
      item.emphasis = glm::vec3(0.42f, 0.32f, 0.02f);
      item.rim = std::max(item.rim, 0.8f);
    }
}

void draw_step_action(const ViewerContext& ctx) {
  if (ctx.step_action.lit.empty() || !ctx.scene) return;
  const SceneStructure* s = ctx.scene->find(ctx.step_action.lit);
  if (!s) return;
  const ImGuiIO& io = ImGui::GetIO();
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  const ImVec2 size = ImGui::CalcTextSize(s->name.c_str());
  const float pad = ImGui::GetFontSize() * 0.5f;
  const ImVec2 at((io.DisplaySize.x - size.x) * 0.5f, ImGui::GetFontSize() * 3.0f);
  draw->AddRectFilled(ImVec2(at.x - pad, at.y - pad), ImVec2(at.x + size.x + pad, at.y + size.y + pad), IM_COL32(18, 20, 26, 220),
                      pad);
  draw->AddRect(ImVec2(at.x - pad, at.y - pad), ImVec2(at.x + size.x + pad, at.y + size.y + pad), IM_COL32(255, 196, 40, 255),
                pad, 0, 2.0f);
  draw->AddText(at, IM_COL32(255, 255, 255, 255), s->name.c_str());
}

} // namespace crus::ui
