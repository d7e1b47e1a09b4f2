#include "ui/lesson_panel.hpp"

#include "core/error.hpp"
#include "ui/caption_overlay.hpp"
#include "ui/speaker_notes.hpp"

#include <imgui.h>

#include <cstdio>
#include <filesystem>

namespace crus::ui {

LessonPanel::LessonPanel(LessonSession& session, const LessonActions& actions) : session_(session), actions_(actions) {
  open = false;
}

void LessonPanel::show_current() {
  if (const LessonStep* step = session_.step()) actions_.show(step->scene);
}

void LessonPanel::guarded(const std::string& what, std::function<void()> then) {
  if (actions_.guard) actions_.guard(what, std::move(then));
  else then();
}

void LessonPanel::open_file(ViewerContext&, const std::string& path) {
  try {
    session_.open(load_lesson(path), path);
    status_ = "Opened " + path;

    synced_step_ = -2;
    show_current();
  } catch (const std::exception& e) {
    status_ = e.what(); // the lesson shown before stays
  }
}

void LessonPanel::draw(ViewerContext& ctx) {
  // Open: a bundled lesson, a file, or a new one.
  const std::vector<std::string> bundled = bundled_lesson_files();
  if (!bundled.empty()) {
    // The chooser names the lesson that is open, when it is a bundled one
    // (opened here, by --lesson or by a command), until the user picks another.
    if (session_.path() != chooser_synced_to_) {
      chooser_synced_to_ = session_.path();
      std::error_code ec;
      const auto opened = std::filesystem::weakly_canonical(session_.path(), ec);
      for (std::size_t i = 0; i < bundled.size() && !ec && !session_.path().empty(); ++i)
        if (std::filesystem::weakly_canonical(bundled[i], ec) == opened && !ec) bundled_choice_ = static_cast<int>(i);
    }
    bundled_choice_ = std::clamp(bundled_choice_, 0, static_cast<int>(bundled.size()) - 1);
    const std::string current = std::filesystem::path(bundled[static_cast<std::size_t>(bundled_choice_)]).stem().string();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
    if (ImGui::BeginCombo("##bundled", current.c_str())) {
      for (int i = 0; i < static_cast<int>(bundled.size()); ++i)
        if (ImGui::Selectable(std::filesystem::path(bundled[static_cast<std::size_t>(i)]).stem().string().c_str(),
                              i == bundled_choice_))
          bundled_choice_ = i;
      ImGui::EndCombo();
    }
    same_line_if_fits("Open bundled");
    if (ImGui::Button("Open bundled"))
      guarded("Opening another lesson",
              [this, &ctx, file = bundled[static_cast<std::size_t>(bundled_choice_)]] { open_file(ctx, file); });
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
  ImGui::InputTextWithHint("##path", "lesson file path", path_, sizeof path_);
  same_line_if_fits("Open file");
  if (ImGui::Button("Open file") && path_[0])
    guarded("Opening another lesson", [this, &ctx, file = std::string(path_)] { open_file(ctx, file); });
  same_line_if_fits("New");
  if (ImGui::Button("New"))
    guarded("Starting a new lesson", [this] {
      session_.start_new("New lesson");
      synced_step_ = -2;
      status_.clear();
    });
  if (session_.loaded()) {
    same_line_if_fits("Close");
    if (ImGui::Button("Close"))
      guarded("Closing the lesson", [this] {
        session_.close();
        synced_step_ = -2;
        status_.clear();
      });
  }
  if (!status_.empty()) ImGui::TextWrapped("%s", status_.c_str());
  if (!session_.loaded()) {
    ImGui::TextWrapped(
        "Open a lesson to step through it with Page Down / Page Up or Space, or start a new one and add views as steps.");
    return;
  }
  ImGui::Separator();

  // Keep the edit buffers on the current step.
  if (synced_step_ != session_.current()) {
    synced_step_ = session_.current();
    const LessonStep* s = session_.step();
    std::snprintf(caption_, sizeof caption_, "%s", s ? s->caption.c_str() : "");
    std::snprintf(notes_, sizeof notes_, "%s", s ? s->notes.c_str() : "");
    std::snprintf(title_, sizeof title_, "%s", session_.lesson().title.c_str());
  }
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::InputText("##title", title_, sizeof title_)) session_.set_title(title_);
  ImGui::Text("Step %d of %d%s", session_.current() + 1, session_.count(), session_.dirty() ? "  (unsaved)" : "");
  if (ImGui::Button("< Previous") && session_.previous()) show_current();
  same_line_if_fits("Next >");
  if (ImGui::Button("Next >") && session_.next()) show_current();
  same_line_if_fits("Present (F5)");
  if (ImGui::Button("Present (F5)") && session_.count() > 0) actions_.set_presenting(true);

  const float list_height = ImGui::GetTextLineHeightWithSpacing() * std::min(8, std::max(2, session_.count()));
  if (ImGui::BeginChild("##steps", ImVec2(0, list_height), true)) {
    for (int i = 0; i < session_.count(); ++i) {
      const LessonStep& s = session_.lesson().steps[static_cast<std::size_t>(i)];
      const std::string label = std::to_string(i + 1) + ". " + (s.title.empty() ? s.caption : s.title) + "##" + std::to_string(i);
      if (ImGui::Selectable(label.c_str(), i == session_.current()) && session_.go_to(i)) show_current();
    }
  }
  ImGui::EndChild();

  // The editor.
  if (ImGui::Button("Add current view as step")) {
    session_.add_step(actions_.capture(), "Caption for the screen");
    synced_step_ = -2;
  }
  same_line_if_fits("Update to current view");
  if (ImGui::Button("Update to current view") && session_.step()) session_.replace_scene(actions_.capture());
  if (ImGui::Button("Duplicate") && session_.duplicate()) synced_step_ = -2;
  same_line_if_fits("Delete");
  if (ImGui::Button("Delete") && session_.remove()) {
    synced_step_ = -2;
    show_current();
  }
  same_line_if_fits("Move up");
  if (ImGui::Button("Move up")) session_.move_up();
  same_line_if_fits("Move down");
  if (ImGui::Button("Move down")) session_.move_down();
  if (session_.step()) {
    ImGui::TextUnformatted("Caption (on screen)");
    if (ImGui::InputTextMultiline("##caption", caption_, sizeof caption_, ImVec2(-1.0f, ImGui::GetTextLineHeight() * 3.5f)))
      session_.set_caption(caption_);
    ImGui::TextUnformatted("Speaker notes");
    if (ImGui::InputTextMultiline("##notes", notes_, sizeof notes_, ImVec2(-1.0f, ImGui::GetTextLineHeight() * 5.0f)))
      session_.set_notes(notes_);
  }
  const bool bundled_file =
      !session_.path().empty() && std::filesystem::path(session_.path()).parent_path() ==
                                      std::filesystem::path(bundled.empty() ? "" : bundled.front()).parent_path();
  if (ImGui::Button("Save")) {
    // A bundled lesson is not overwritten: it is saved under the path typed above.
    const std::string target = (session_.path().empty() || bundled_file) ? std::string(path_) : session_.path();
    if (target.empty()) {
      status_ = "Type a file name for the lesson in the path field above, then Save.";
    } else {
      try {
        session_.save(target);
        status_ = "Saved " + target;
      } catch (const std::exception& e) {
        status_ = e.what();
      }
    }
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%s", session_.path().empty() || bundled_file ? "(to the path above)" : session_.path().c_str());
}

void bind_lesson_commands(CommandRegistry& commands, LessonSession& session, const LessonActions& actions, ViewerContext& ctx) {
  auto step = [&session, &actions, &ctx](bool forward) {
    if (!(forward ? session.next() : session.previous())) return;
    ctx.black_screen = false;
    if (const LessonStep* s = session.step()) actions.show(s->scene);
  };
  auto loaded = [&session] { return session.loaded(); };
  commands.bind(
      "lesson.next", [step] { step(true); }, loaded);
  commands.bind(
      "lesson.previous", [step] { step(false); }, loaded);
  commands.bind(
      "lesson.present", [&actions] { actions.set_presenting(true); },
      [&session, &ctx] { return session.loaded() && session.count() > 0 && !ctx.presenting; });
  commands.bind(
      "presenter.next", [step] { step(true); }, loaded);
  commands.bind(
      "presenter.previous", [step] { step(false); }, loaded);
  commands.bind(
      "presenter.black_screen", [&ctx] { ctx.black_screen = !ctx.black_screen; }, {}, [&ctx] { return ctx.black_screen; });
  commands.bind("presenter.leave", [&actions] { actions.set_presenting(false); });
  commands.bind(
      "presenter.notes", [&ctx] { ctx.speaker_notes = !ctx.speaker_notes; }, loaded, [&ctx] { return ctx.speaker_notes; });
  commands.bind(
      "lesson.notes_window", [&ctx] { ctx.notes_window = !ctx.notes_window; }, {}, [&ctx] { return ctx.notes_window; });
}

void draw_presenter(const LessonSession& session, const ViewerContext& ctx) {
  const ImGuiIO& io = ImGui::GetIO();
  if (ctx.black_screen) {
    ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(0, 0), io.DisplaySize, IM_COL32(0, 0, 0, 255));
    return;
  }
  if (const LessonStep* step = session.step())
    draw_caption(step->caption, session.current(), session.count(), io.DisplaySize.x, io.DisplaySize.y);
  if (ctx.speaker_notes) draw_speaker_notes_overlay(session, ctx);
}

} // namespace crus::ui
