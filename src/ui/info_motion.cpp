#include "ui/info_motion.hpp"

#include "core/motion/length_colours.hpp"
#include "core/motion/producers.hpp"
#include "core/motion/sweep.hpp"
#include "ui/motion_commands.hpp"
#include "ui/motion_player.hpp"
#include "ui/wrapped_button.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>

namespace crus::ui {

namespace {
std::string capitalised(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}
} // namespace

bool draw_muscle_at_pose(ViewerContext& ctx, const std::string& id) {
  if (!ctx.motion.model || !ctx.motion.muscles) return false;
  const auto& muscles = ctx.motion.muscles->muscles;
  std::size_t i = 0;
  while (i < muscles.size() && muscles[i].id != id) ++i;
  if (i >= muscles.size() || i >= ctx.motion.states.size()) return false;
  const motion::MuscleState& st = ctx.motion.states[i];
  const motion::MotionModel& model = *ctx.motion.model;

  // Wrapped: the Info panel is narrow and these lines are long.
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.78f, 0.45f, 1.0f));
  ImGui::TextWrapped("At this pose: %s", motion::describe_pose(model, shown_pose(ctx)).c_str());
  ImGui::PopStyleColor();
  ImGui::TextWrapped("Musculotendon length %.1f mm (neutral %.1f mm)", st.length_m * 1000.0, st.rest_length_m * 1000.0);
  // The change in the colours of "Colour muscles by length change", so the
  // number and the model agree.
  const glm::vec3 c = motion::length_change_srgb(st.change_pct, motion::kLengthFullScalePct);
  ImGui::ColorButton("##change", ImVec4(c.r, c.g, c.b, 1.0f), ImGuiColorEditFlags_NoTooltip,
                     ImVec2(ImGui::GetFontSize(), ImGui::GetFontSize()));
  ImGui::SameLine();
  const char* how = std::abs(st.change_mm) < 0.05 ? "unchanged" : st.change_mm < 0.0 ? "shorter" : "longer";
  ImGui::TextWrapped("Change from neutral %+.1f mm (%+.1f %%), %s", st.change_mm, st.change_pct, how);
  if (ImGui::BeginTable("moment_arms", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    // Which way the muscle, by shortening, turns each joint, and how strongly.
    ImGui::TableSetupColumn("Moment arm");
    ImGui::TableSetupColumn("mm");
    ImGui::TableSetupColumn("toward");
    ImGui::TableHeadersRow();
    for (motion::Coordinate coordinate : motion::kCoordinates) {
      const motion::CoordinateInfo& info = model.info(coordinate);
      const double arm_mm = st.moment_arm_m[static_cast<std::size_t>(coordinate)] * 1000.0;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(coordinate == motion::Coordinate::mtp ? "Toes (MTP)"
                                                                   : capitalised(motion::to_string(coordinate)).c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%.1f", std::abs(arm_mm));
      ImGui::TableNextColumn();
      // Below half a millimetre the muscle does not cross the joint (or
      // crosses it on its axis): no direction is worth naming.
      if (std::abs(arm_mm) < 0.5) ImGui::TextDisabled("(none)");
      else ImGui::TextUnformatted((arm_mm > 0.0 ? info.positive : info.negative).c_str());
    }
    ImGui::EndTable();
  }
  return true;
}

std::optional<std::string> draw_play_action_button(ViewerContext& ctx, const MuscleAction& action) {
  if (!ctx.motion.model || !ctx.document) return std::nullopt;
  const auto movement = motion::movement_of_action(action.joint, action.movement);
  if (!movement) return std::nullopt;
  const std::string id = motion::movement_id(*movement);
  ImGui::PushID(("play_action:" + id).c_str());
  const bool playing = motion_busy(ctx) && ctx.motion.animation->highlight >= 0;
  if (ImGui::SmallButton(playing ? "Stop" : "Play")) {
    // Through the registry when there is one, as the palette would run it.
    if (playing) motion_stop(ctx);
    else if (!ctx.commands || !ctx.commands->run("motion.play_action." + id)) motion_play_selected_action(ctx, *movement);
  }
  if (ImGui::IsItemHovered())
    wrapped_tooltip("Play " + std::string(motion::to_string(*movement)) +
                    " from neutral to the end of its range and back, with this muscle highlighted");
  ImGui::PopID();
  return id;
}

} // namespace crus::ui
