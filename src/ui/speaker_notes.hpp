#pragma once
// What the speaker sees and the audience does not: the step's number and
// caption, its speaker notes, and the next step. Shown in the speaker-notes
// window (a second window with its own ImGui context; app/viewer_notes_window.hpp)
// or, with one screen, over the presenter view on a key (presenter.notes).
#include "core/teaching/lesson_session.hpp"
#include "ui/viewer_context.hpp"

namespace crus::ui {

// The contents, drawn into the current ImGui window.
void speaker_notes_contents(const LessonSession& session, const ViewerContext& ctx);
// A window filling the display: the whole speaker-notes window.
void draw_speaker_notes_window(const LessonSession& session, const ViewerContext& ctx);
// A panel over the upper right of the presenter view, for one screen.
void draw_speaker_notes_overlay(const LessonSession& session, const ViewerContext& ctx);

} // namespace crus::ui
