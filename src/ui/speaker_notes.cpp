#include "ui/speaker_notes.hpp"

#include <imgui.h>

#include <cfloat>
#include <string>

namespace crus::ui {

namespace {
std::string step_name(const LessonStep& step) { return step.title.empty() ? step.caption : step.title; }
const ImVec4 kDim(0.65f, 0.7f, 0.75f, 1.0f);
const ImVec4 kAccent(1.0f, 0.8f, 0.35f, 1.0f);
} // namespace

void speaker_notes_contents(const LessonSession& session, const ViewerContext& ctx) {
  if (!session.loaded() || !session.step()) {
    ImGui::TextWrapped("No lesson is open. Open one in the Lesson panel; its speaker notes show here.");
    return;
  }
  const LessonStep& step = *session.step();
  ImGui::TextColored(kDim, "%s", session.lesson().title.c_str());
  ImGui::Text("Step %d of %d: %s", session.current() + 1, session.count(), step_name(step).c_str());
  if (ctx.black_screen) ImGui::TextColored(kAccent, "The audience sees a black screen (B brings the picture back).");
  else if (!ctx.presenting) ImGui::TextColored(kDim, "Not presenting (F5 starts).");
  ImGui::Separator();
  ImGui::TextColored(kDim, "On screen:");
  ImGui::TextWrapped("%s", step.caption.c_str());
  ImGui::Spacing();
  ImGui::TextColored(kAccent, "Speaker notes");
  ImGui::TextWrapped("%s", step.notes.empty() ? "(none for this step)" : step.notes.c_str());
  ImGui::Spacing();
  ImGui::Separator();
  if (session.current() + 1 < session.count()) {
    const LessonStep& next = session.lesson().steps[static_cast<std::size_t>(session.current() + 1)];
    ImGui::TextColored(kDim, "Next, step %d: %s", session.current() + 2, step_name(next).c_str());
    if (!next.title.empty()) ImGui::TextWrapped("%s", next.caption.c_str());
  } else {
    ImGui::TextColored(kDim, "This is the last step.");
  }
}

void draw_speaker_notes_window(const LessonSession& session, const ViewerContext& ctx) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0), ImGuiCond_Always);
  ImGui::SetNextWindowSize(io.DisplaySize, ImGuiCond_Always);
  ImGui::Begin("Speaker notes", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoResize | ImGuiWindowFlags_AlwaysVerticalScrollbar);
  speaker_notes_contents(session, ctx);
  ImGui::End();
}

void draw_speaker_notes_overlay(const LessonSession& session, const ViewerContext& ctx) {
  const ImGuiIO& io = ImGui::GetIO();
  const float margin = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - margin, margin), ImGuiCond_Always, ImVec2(1.0f, 0.0f));
  const float width = io.DisplaySize.x * 0.4f;
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f), ImVec2(width, io.DisplaySize.y - 2.0f * margin));
  ImGui::SetNextWindowBgAlpha(0.88f);
  ImGui::Begin("##speaker_notes_overlay", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_AlwaysAutoResize);
  speaker_notes_contents(session, ctx);
  ImGui::End();
}

} // namespace crus::ui
