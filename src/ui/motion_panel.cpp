#include "ui/motion_panel.hpp"

#include "core/motion/length_colours.hpp"
#include "core/motion/presets.hpp"
#include "core/motion/producer_colours.hpp"
#include "core/motion/producers.hpp"
#include "core/motion/sweep.hpp"
#include "ui/length_legend.hpp"
#include "ui/motion_commands.hpp"
#include "ui/motion_player.hpp"
#include "ui/wrapped_button.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace crus::ui {

namespace {
// Shown instead of the ranking while a quiz movement question is open.
constexpr const char* kProducersHiddenText =
    "The producers of this movement are hidden while the quiz asks a movement question; they come back after the answer.";
std::string slider_label(const motion::CoordinateInfo& info) {
  std::string pos = info.positive.substr(0, info.positive.find(" ("));
  std::string name = info.id == motion::Coordinate::mtp ? "Toes (MTP)" : std::string(motion::to_string(info.id));
  name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return name + ": " + pos + " + / " + info.negative + " -";
}

// Each muscle's change from neutral, shortest first: its name, then the
// change in mm and in % right-aligned in two columns. Where a name and the
// numbers do not fit on one line (a narrow panel, large text) the name wraps
// and its numbers go on the line below; a table clipped the names instead.
void draw_lengths(const ViewerContext& ctx) {
  if (ctx.motion.states.empty() || !ctx.motion.muscles) return;
  const float avail = ImGui::GetContentRegionAvail().x, gap = ImGui::GetStyle().ItemSpacing.x;
  const float column = ImGui::CalcTextSize("+000.0").x, numbers = 2.0f * column + gap;
  const float left = ImGui::GetCursorPosX(), right = left + avail;
  const bool columns = numbers <= avail; // else each row's numbers wrap as words
  auto two = [&](const char* a, const char* b, bool dim) {
    const char* text[2] = {a, b};
    for (int k = 0; k < 2; ++k) {
      ImGui::SameLine(right - float(1 - k) * (column + gap) - ImGui::CalcTextSize(text[k]).x);
      if (dim) ImGui::TextDisabled("%s", text[k]);
      else ImGui::TextUnformatted(text[k]);
    }
  };
  ImGui::TextDisabled("Muscle");
  if (columns) two("mm", "%", true);
  std::vector<std::size_t> order(std::min(ctx.motion.states.size(), ctx.motion.muscles->muscles.size()));
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return ctx.motion.states[a].change_mm < ctx.motion.states[b].change_mm; });
  for (std::size_t i : order) {
    const auto& st = ctx.motion.states[i];
    const std::string& id = ctx.motion.muscles->muscles[i].id;
    const SceneStructure* s = ctx.scene ? ctx.scene->find(id) : nullptr;
    std::string name = s ? s->name : id; // an id without a structure: its words, so it can wrap
    if (!s) std::replace(name.begin(), name.end(), '_', ' ');
    char mm[32], pct[32];
    std::snprintf(mm, sizeof mm, "%+.1f", st.change_mm);
    std::snprintf(pct, sizeof pct, "%+.1f", st.change_pct);
    if (!columns) {
      ImGui::TextWrapped("%s", name.c_str());
      ImGui::TextWrapped("%s mm, %s %%", mm, pct);
    } else if (ImGui::CalcTextSize(name.c_str()).x + gap + numbers > avail) {
      ImGui::TextWrapped("%s", name.c_str());
      ImGui::Dummy({0.0f, 0.0f}); // the numbers on the line below
      two(mm, pct, false);
    } else {
      ImGui::TextUnformatted(name.c_str());
      two(mm, pct, false);
    }
  }
}
} // namespace

void MotionPanel::go_to(ViewerContext& ctx, const motion::Pose& target, const std::string& step_name) {
  motion_go_to(ctx, target, step_name);
}

void MotionPanel::play(ViewerContext& ctx, motion::Coordinate c, int direction) {
  motion_play(ctx, motion::Movement{c, direction});
}

void MotionPanel::advance(ViewerContext& ctx, double dt) { motion_advance(ctx, dt); }

bool MotionPanel::busy(const ViewerContext& ctx) const { return motion_busy(ctx); }

void MotionPanel::draw_movement_choice(ViewerContext& ctx, float avail) {
  const motion::MotionModel& model = *ctx.motion.model;
  wrapped_dim("Which muscles produce this movement?");
  const std::optional<motion::Movement> movement = chosen_movement(ctx);
  const std::string chosen = movement ? motion::to_string(model, *movement) : "(choose a movement)";
  ImGui::SetNextItemWidth(avail * 0.6f);
  if (ImGui::BeginCombo("##movement", chosen.c_str())) {
    if (ImGui::Selectable("(none)", !movement)) motion_choose_movement(ctx, std::nullopt);
    for (const motion::Movement& m : motion::all_movements()) {
      const bool on = movement == m;
      if (ImGui::Selectable(motion::to_string(model, m).c_str(), on)) motion_choose_movement(ctx, m);
    }
    ImGui::EndCombo();
  }
  same_line_if_fits("Play");
  ImGui::BeginDisabled(!movement);
  if (ImGui::Button("Play")) motion_play_chosen(ctx);
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    wrapped_tooltip("From the current pose to the end of the range and back");
  // Who produces the chosen movement here, strongest first: moment arm x
  // maximum force x active force-length factor at this pose. The model shows
  // the same ranking in colour and with these numbers; a click selects.
  if (movement && ctx.motion.producers_hidden) {
    ImGui::TextWrapped("%s", kProducersHiddenText);
    return;
  }
  const motion::ProducerRanking* ranking = current_ranking(ctx);
  if (!ranking) return;
  wrapped_dim("Produced at this pose by (N m it can give):");
  static const Scene no_scene;
  const Scene& scene = ctx.scene ? *ctx.scene : no_scene;
  for (const motion::RankedProducer& r : motion::ranked_structures(*ranking, scene)) {
    const motion::Producer& p = *r.producer;
    const std::string name = r.structure >= 0 ? scene.structures[static_cast<std::size_t>(r.structure)].name : p.muscle;
    const glm::vec3 c = r.rank > 0 ? motion::producer_srgb(r.fraction) : motion::kUnrankedProducerSrgb;
    ImGui::ColorButton(("##rank" + p.muscle).c_str(), ImVec4(c.r, c.g, c.b, 1.0f), ImGuiColorEditFlags_NoTooltip,
                       ImVec2(ImGui::GetFontSize(), ImGui::GetFontSize()));
    ImGui::SameLine();
    char line[200];
    if (r.rank > 0) std::snprintf(line, sizeof line, "%d. %s  %.0f", r.rank, name.c_str(), p.capacity_nm);
    else std::snprintf(line, sizeof line, "%s  (no published parameters; arm %.0f mm)", name.c_str(), p.moment_arm_m * 1000.0);
    const bool selected = r.structure >= 0 && ctx.document->state().selected == r.structure;
    if (ImGui::Selectable(line, selected) && r.structure >= 0) ctx.document->select(r.structure);
  }
  if (ranking->ranked.empty() && ranking->without_parameters.empty()) ImGui::TextDisabled("none in this model");
}

void MotionPanel::draw(ViewerContext& ctx) {
  if (!ctx.motion.model || !ctx.motion.muscles || !ctx.document) {
    ImGui::TextWrapped("%s", ctx.motion.problem.empty() ? "This atlas cannot be posed." : ctx.motion.problem.c_str());
    return;
  }
  const motion::MotionModel& model = *ctx.motion.model;
  motion::Pose pose = shown_pose(ctx);

  // The soft tissue is bound in the background after an atlas loads; a pose
  // asked for before that is done waits for it (app/viewer_panels.cpp).
  if (ctx.motion.preparing) ImGui::TextUnformatted("Preparing motion: the leg follows in a moment.");
  wrapped_dim("Joint angles (degrees)");
  bool dragging = false;
  for (motion::Coordinate c : motion::kCoordinates) {
    const motion::CoordinateInfo& info = model.info(c);
    float v = static_cast<float>(pose[c]);
    ImGui::TextWrapped("%s", slider_label(info).c_str());
    ImGui::SetNextItemWidth(-1.0f);
    const std::string id = std::string("##") + motion::to_string(c);
    if (ImGui::SliderFloat(id.c_str(), &v, static_cast<float>(info.min_deg), static_cast<float>(info.max_deg), "%.0f\u00b0")) {
      motion_stop(ctx);
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
  // A preview held by a quiz question stays until the question lets it go.
  if (!dragging && !motion_busy(ctx) && ctx.motion.preview && !ctx.motion.preview_held && !ImGui::IsAnyItemActive())
    ctx.motion.preview.reset();
  if (wrapped_button("Reset to neutral")) motion_reset(ctx);
  // Beside the button where it fits; otherwise on the lines below.
  const std::string described = motion::describe_pose(model, pose);
  same_line_if_fits(described.c_str(), true);
  wrapped_dim(described);

  ImGui::Separator();
  ImGui::TextDisabled("Presets");
  const float avail = ImGui::GetContentRegionAvail().x;
  float line = 0.0f;
  for (const auto& p : motion::pose_presets()) {
    const float w = ImGui::CalcTextSize(p.name.c_str()).x + ImGui::GetStyle().FramePadding.x * 2.0f;
    if (line > 0.0f && line + w < avail) ImGui::SameLine();
    else line = 0.0f;
    line += std::min(w, avail) + ImGui::GetStyle().ItemSpacing.x;
    // A name wider than the panel (large text) breaks between its words.
    if (wrapped_button(p.name)) motion_preset(ctx, p);
    if (ImGui::IsItemHovered()) wrapped_tooltip(p.note);
  }

  ImGui::Separator();
  draw_movement_choice(ctx, avail);

  ImGui::Separator();
  bool colour = ctx.document->state().colour_by_length;
  if (wrapped_checkbox("Colour muscles by length change", &colour)) ctx.document->set_colour_by_length(colour);
  if (ctx.document->state().colour_by_length) {
    // Bottom left of the 3D view, clear of the panels docked on the left.
    const float fs = ImGui::GetFontSize();
    float left = 0.0f;
    for (const auto& [lo, hi] : ctx.panel_rects)
      if (lo.x < ctx.viewport_size.x * 0.3f && hi.y > ctx.viewport_size.y * 0.5f) left = std::max(left, hi.x);
    draw_length_legend({left + fs, ctx.viewport_size.y - fs * 2.5f}, motion::kLengthFullScalePct, /*from_bottom=*/true);
  }
  draw_lengths(ctx);
}

} // namespace crus::ui
