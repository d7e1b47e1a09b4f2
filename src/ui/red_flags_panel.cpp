#include "ui/red_flags_panel.hpp"

#include <imgui.h>

namespace crus::ui {

namespace {

ImVec4 urgency_colour(Urgency urgency) {
  switch (urgency) {
    case Urgency::emergency: return ImVec4(0.72f, 0.08f, 0.08f, 1.0f);
    case Urgency::urgent: return ImVec4(0.78f, 0.42f, 0.02f, 1.0f);
    case Urgency::soon: return ImVec4(0.30f, 0.38f, 0.50f, 1.0f);
  }
  return ImVec4(0.3f, 0.3f, 0.3f, 1.0f);
}

// A full-width coloured bar with white bold-looking text: hard to miss.
void urgency_bar(Urgency urgency) {
  const char* text = urgency_heading(urgency);
  ImVec2 pad = ImGui::GetStyle().FramePadding;
  ImVec2 at = ImGui::GetCursorScreenPos();
  float w = ImGui::GetContentRegionAvail().x;
  float h = ImGui::GetTextLineHeight() + pad.y * 2.0f;
  ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + w, at.y + h), ImGui::GetColorU32(urgency_colour(urgency)), 3.0f);
  ImGui::SetCursorScreenPos(ImVec2(at.x + pad.x, at.y + pad.y));
  ImGui::TextColored(ImVec4(1, 1, 1, 1), "%s", text);
  ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + h));
  ImGui::Dummy(ImVec2(w, ImGui::GetStyle().ItemSpacing.y * 0.5f));
}

void bullets(const std::vector<std::string>& items) {
  for (const auto& item : items) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", item.c_str());
  }
}

} // namespace

const char* urgency_heading(Urgency urgency) {
  switch (urgency) {
    case Urgency::emergency: return "Emergency: get help now";
    case Urgency::urgent: return "See a doctor today";
    case Urgency::soon: return "Book an appointment soon";
  }
  return "";
}

std::vector<std::pair<Urgency, std::vector<const RedFlag*>>> RedFlagsPanel::groups(const RedFlagSet& set) {
  return groups(set.by_urgency());
}

std::vector<std::pair<Urgency, std::vector<const RedFlag*>>> RedFlagsPanel::groups(const std::vector<const RedFlag*>& flags) {
  std::vector<std::pair<Urgency, std::vector<const RedFlag*>>> out;
  for (const RedFlag* flag : flags) {
    if (out.empty() || out.back().first != flag->urgency) out.push_back({flag->urgency, {}});
    out.back().second.push_back(flag);
  }
  return out;
}

void RedFlagsPanel::draw_red_flags(const RedFlagSet& set) {
  if (!set.disclaimer.empty()) ImGui::TextWrapped("%s", set.disclaimer.c_str());
  draw_red_flags(set, set.by_urgency(), true);
}

void RedFlagsPanel::draw_red_flags(const RedFlagSet& set, const std::vector<const RedFlag*>& chosen, bool open_emergencies) {
  ImGui::PushID(open_emergencies ? "red_flags" : "red_flags_first");
  for (const auto& [urgency, flags] : groups(chosen)) {
    ImGui::Spacing();
    urgency_bar(urgency);
    const std::string& advice = set.advice_for(urgency);
    if (!advice.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, urgency == Urgency::emergency ? ImVec4(1.0f, 0.55f, 0.5f, 1.0f)
                                                                         : ImGui::GetStyleColorVec4(ImGuiCol_Text));
      ImGui::TextWrapped("%s", advice.c_str());
      ImGui::PopStyleColor();
    }
    for (const RedFlag* flag : flags) {
      ImGuiTreeNodeFlags node_flags = open_emergencies && urgency == Urgency::emergency ? ImGuiTreeNodeFlags_DefaultOpen : 0;
      // Tree node labels do not wrap: the node carries no text of its own and
      // the title follows it, wrapped at the panel's edge.
      const bool open = ImGui::TreeNodeEx(flag->id.c_str(), node_flags | ImGuiTreeNodeFlags_SpanAvailWidth, "%s", "");
      ImGui::SameLine();
      ImGui::TextWrapped("%s", flag->title.c_str());
      if (!open) continue;
      if (!flag->what_it_is.empty()) ImGui::TextWrapped("%s", flag->what_it_is.c_str());
      if (!flag->warning_signs.empty()) {
        ImGui::TextDisabled("Warning signs:");
        bullets(flag->warning_signs);
      }
      if (!flag->see_today_if.empty()) {
        ImGui::TextColored(urgency_colour(Urgency::urgent), "See a doctor today if:");
        bullets(flag->see_today_if);
      }
      if (!flag->escalate_if.empty()) {
        ImGui::TextColored(urgency_colour(Urgency::emergency), "Call the emergency services if:");
        bullets(flag->escalate_if);
      }
      ImGui::TreePop();
    }
  }
  ImGui::PopID();
}

void RedFlagsPanel::draw_missing() {
  ImGui::TextWrapped(
      "The list of red flags could not be loaded. Please do not wait if pain is sudden or severe, if the leg is swollen, "
      "hot, cold, pale or numb, or if you are short of breath or have chest pain: get medical help now.");
}

void RedFlagsPanel::draw(ViewerContext& ctx) {
  if (ctx.red_flags) draw_red_flags(*ctx.red_flags);
  else draw_missing();
}

} // namespace crus::ui
