#include "ui/motion_panel.hpp"

#include "core/motion/length_colours.hpp"
#include "core/motion/presets.hpp"
#include "core/motion/producers.hpp"
#include "ui/length_legend.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace crus::ui {

namespace {
// Eased so that a transition starts and stops gently.
double ease(double t) { return t * t * (3.0 - 2.0 * t); }

std::string slider_label(const motion::CoordinateInfo& info) {
  std::string pos = info.positive.substr(0, info.positive.find(" ("));
  std::string name = info.id == motion::Coordinate::mtp ? "Toes (MTP)" : std::string(motion::to_string(info.id));
  name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return name + ": " + pos + " + / " + info.negative + " -";
}
} // namespace

void MotionPanel::go_to(ViewerContext& ctx, const motion::Pose& target, const std::string& step_name) {
  animation_ = Animation{{shown_pose(ctx), target}, 0.0, 0.6, false, step_name};
  ctx.motion.preview = shown_pose(ctx);
  ctx.motion.animating = true;
}

void MotionPanel::play(ViewerContext& ctx, motion::Coordinate c, int direction) {
  if (!ctx.motion.model) return;
  const motion::CoordinateInfo& info = ctx.motion.model->info(c);
  motion::Pose end = shown_pose(ctx);
  end[c] = direction > 0 ? info.max_deg : info.min_deg;
  const double span = std::abs(end[c] - shown_pose(ctx)[c]);
  animation_ = Animation{{shown_pose(ctx), end}, 0.0, std::max(0.8, span / 30.0), true, ""}; // about 30 degrees a second
  ctx.motion.preview = shown_pose(ctx);
  ctx.motion.animating = true;
}

void MotionPanel::advance(ViewerContext& ctx, double dt) {
  if (!animation_) return;
  Animation& a = *animation_;
  a.t = std::min(1.0, a.t + dt / a.duration);
  const double s = a.there_and_back ? (a.t < 0.5 ? ease(a.t * 2.0) : ease(2.0 - a.t * 2.0)) : ease(a.t);
  ctx.motion.preview = a.sweep.at(s);
  if (a.t >= 1.0) {
    if (!a.commit.empty() && ctx.document) {
      ctx.document->set_pose(a.sweep.to, a.commit);
      ctx.motion.reframe = true; // a squat leaves the view otherwise
    }
    ctx.motion.preview.reset();
    ctx.motion.animating = false;
    animation_.reset();
  }
}

void MotionPanel::draw(ViewerContext& ctx) {
  if (!ctx.motion.model || !ctx.motion.muscles || !ctx.document) {
    ImGui::TextWrapped("%s", ctx.motion.problem.empty() ? "This atlas cannot be posed." : ctx.motion.problem.c_str());
    return;
  }
  advance(ctx, ImGui::GetIO().DeltaTime);
  const motion::MotionModel& model = *ctx.motion.model;
  motion::Pose pose = shown_pose(ctx);

  ImGui::TextDisabled("Joint angles (degrees)");
  bool dragging = false;
  for (motion::Coordinate c : motion::kCoordinates) {
    const motion::CoordinateInfo& info = model.info(c);
    float v = static_cast<float>(pose[c]);
    ImGui::TextUnformatted(slider_label(info).c_str());
    ImGui::SetNextItemWidth(-1.0f);
    const std::string id = std::string("##") + motion::to_string(c);
    if (ImGui::SliderFloat(id.c_str(), &v, static_cast<float>(info.min_deg), static_cast<float>(info.max_deg), "%.0f\u00b0")) {
      animation_.reset();
      pose[c] = std::round(static_cast<double>(v));
      ctx.motion.preview = pose;
    }
    if (ImGui::IsItemActive()) dragging = true;
    // One undo step per drag, recorded when the slider is let go.
    if (ImGui::IsItemDeactivatedAfterEdit()) {
      ctx.document->set_pose(pose, std::string("Pose: ") + motion::to_string(c));
      ctx.motion.preview.reset();
    }
  }
  if (!dragging && !animation_ && ctx.motion.preview && !ctx.motion.preview_held && !ImGui::IsAnyItemActive())
    ctx.motion.preview.reset();
  if (ImGui::Button("Reset to neutral")) go_to(ctx, motion::Pose{}, "Reset pose");
  ImGui::SameLine();
  ImGui::TextDisabled("%s", motion::describe_pose(model, pose).c_str());

  ImGui::Separator();
  ImGui::TextDisabled("Presets");
  const float avail = ImGui::GetContentRegionAvail().x;
  float line = 0.0f;
  for (const auto& p : motion::pose_presets()) {
    const float w = ImGui::CalcTextSize(p.name.c_str()).x + ImGui::GetStyle().FramePadding.x * 2.0f;
    if (line > 0.0f && line + w < avail) ImGui::SameLine();
    else line = 0.0f;
    line += w + ImGui::GetStyle().ItemSpacing.x;
    if (ImGui::Button(p.name.c_str())) go_to(ctx, p.pose, "Pose: " + p.name);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", p.note.c_str());
  }

  ImGui::Separator();
  const auto movements = motion::all_movements();
  movement_ = std::clamp(movement_, 0, static_cast<int>(movements.size()) - 1);
  ImGui::SetNextItemWidth(avail * 0.6f);
  if (ImGui::BeginCombo("##movement", motion::to_string(model, movements[static_cast<std::size_t>(movement_)]).c_str())) {
    for (std::size_t i = 0; i < movements.size(); ++i)
      if (ImGui::Selectable(motion::to_string(model, movements[i]).c_str(), static_cast<int>(i) == movement_)) movement_ = static_cast<int>(i);
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  if (ImGui::Button("Play")) play(ctx, movements[static_cast<std::size_t>(movement_)].coordinate, movements[static_cast<std::size_t>(movement_)].direction);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("From the current pose to the end of the range and back");
  // Who produces the chosen movement here, strongest first: moment arm x
  // maximum force x active force-length factor at this pose. A click selects.
  const motion::ProducerRanking ranking = motion::rank_producers(model, *ctx.motion.muscles, pose, movements[static_cast<std::size_t>(movement_)]);
  ImGui::TextDisabled("Produced at this pose by (N m it can give):");
  auto producer_row = [&](const motion::Producer& p, bool with_capacity) {
    const int index = ctx.scene ? ctx.scene->index_of(p.muscle) : -1;
    const std::string name = index >= 0 ? ctx.scene->structures[static_cast<std::size_t>(index)].name : p.muscle;
    char line[160];
    if (with_capacity) std::snprintf(line, sizeof line, "%s  %.0f", name.c_str(), p.capacity_nm);
    else std::snprintf(line, sizeof line, "%s  (no published parameters; arm %.0f mm)", name.c_str(), p.moment_arm_m * 1000.0);
    if (ImGui::Selectable(line, ctx.document->state().selected == index && index >= 0) && index >= 0) ctx.document->select(index);
  };
  for (const auto& p : ranking.ranked) producer_row(p, true);
  for (const auto& p : ranking.without_parameters) producer_row(p, false);
  if (ranking.ranked.empty() && ranking.without_parameters.empty()) ImGui::TextDisabled("none in this model");

  ImGui::Separator();
  bool colour = ctx.document->state().colour_by_length;
  if (ImGui::Checkbox("Colour muscles by length change", &colour)) ctx.document->set_colour_by_length(colour);
  if (ctx.document->state().colour_by_length) {
    // Bottom left of the 3D view, clear of the panels docked on the left.
    const float fs = ImGui::GetFontSize();
    float left = 0.0f;
    for (const auto& [lo, hi] : ctx.panel_rects)
      if (lo.x < ctx.viewport_size.x * 0.3f && hi.y > ctx.viewport_size.y * 0.5f) left = std::max(left, hi.x);
    draw_length_legend({left + fs, ctx.viewport_size.y - fs * 2.5f}, motion::kLengthFullScalePct, /*from_bottom=*/true);
  }
  // Each muscle's change from neutral, shortest first.
  if (ImGui::BeginTable("lengths", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("Muscle");
    ImGui::TableSetupColumn("mm");
    ImGui::TableSetupColumn("%");
    ImGui::TableHeadersRow();
    std::vector<std::size_t> order(std::min(ctx.motion.states.size(), ctx.motion.muscles->muscles.size()));
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ctx.motion.states[a].change_mm < ctx.motion.states[b].change_mm; });
    for (std::size_t i : order) {
      const auto& st = ctx.motion.states[i];
      const std::string& id = ctx.motion.muscles->muscles[i].id;
      const SceneStructure* s = ctx.scene ? ctx.scene->find(id) : nullptr;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(s ? s->name.c_str() : id.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%+.1f", st.change_mm);
      ImGui::TableNextColumn();
      ImGui::Text("%+.1f", st.change_pct);
    }
    ImGui::EndTable();
  }
}

} // namespace crus::ui
