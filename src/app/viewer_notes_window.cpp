#include "app/viewer_notes_window.hpp"

#include "ui/speaker_notes.hpp"

#include <exception>
#include <string>

namespace crus::app {

NotesWindow::~NotesWindow() {
  // The host first: its ImGui backend needs its window's GL context.
  if (window_) window_->make_current();
  host_.reset();
  window_.reset();
}

void NotesWindow::close(platform::Window& main, ui::ImGuiHost& main_host) {
  if (window_) window_->make_current();
  host_.reset();
  window_.reset();
  pending_.clear();
  replay_ = InputReplay{};
  title_.clear();
  main.make_current();
  main_host.activate();
}

void NotesWindow::update(const LessonSession& session, ui::ViewerContext& ctx, platform::Window& main, ui::ImGuiHost& main_host) {
  if (!ctx.notes_window) {
    if (window_) close(main, main_host);
    return;
  }
  if (!window_) {
    try {
      platform::WindowGeometry g;
      g.width = 760;
      g.height = 560;
      g.position = glm::ivec2(40, 40);
      window_ = std::make_unique<platform::Window>("Crus - speaker notes", g, 0);
      host_ = std::make_unique<ui::ImGuiHost>(window_->native_handle(), window_->content_scale(), "");
      host_->set_font_size(main_host.font_size() + 4.0f); // read at arm's length
    } catch (const std::exception& e) {
      ctx.messages.push_back(std::string("speaker-notes window: ") + e.what());
      ctx.notes_window = false;
      close(main, main_host);
      return;
    }
  }
  // The step in the title too: the window list (and a test) can tell where
  // the lesson is.
  std::string title = "Crus - speaker notes";
  if (session.loaded() && session.step())
    title += " (step " + std::to_string(session.current() + 1) + " of " + std::to_string(session.count()) + ")";
  if (title != title_) {
    window_->set_title(title);
    title_ = title;
  }
  if (window_->should_close()) {
    ctx.notes_window = false;
    close(main, main_host);
    return;
  }
  // Keys go to the presentation; the pointer and the wheel stay here (to
  // scroll long notes).
  std::deque<InputEvent>& events = window_->input_events();
  for (InputEvent& e : events) {
    if (e.kind == InputEvent::Kind::key || e.kind == InputEvent::Kind::character) main.input_events().push_back(e);
    else pending_.push_back(e);
  }
  events.clear();
  if (window_->take_focus_lost()) replay_.release_all();
  window_->make_current();
  FrameInput input = replay_.take_frame(pending_, window_->time());
  host_->begin_frame(&input);
  ui::draw_speaker_notes_window(session, ctx);
  host_->end_frame();
  window_->swap_buffers();
  main.make_current();
  main_host.activate();
}

} // namespace crus::app
