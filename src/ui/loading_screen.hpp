#pragma once
// What the window shows while an atlas loads on a worker thread: the file's
// name, the seconds so far and a moving bar, so that it visibly works
// instead of freezing (app/viewer_atlas_loading.hpp).
#include <string>

namespace crus::ui {

// Draws the note in the middle of the display; call between begin_frame and end_frame.
void draw_loading_screen(const std::string& file, double seconds);
// Whether an ImGui frame is open now (an atlas opened from a menu action
// mid-frame cannot draw frames of its own while it loads).
bool imgui_frame_open();

} // namespace crus::ui
