#pragma once
// The caption band of a lesson slide and of presenter mode: large type at
// the bottom of the view on a dark band, and a progress bar with "3 / 8".
#include <string>

namespace crus::ui {

// Draws into the foreground of the current ImGui frame, over a view of
// `width` x `height` pixels. `step` is 0-based; `count` 0 draws no progress.
// Uses the large font when the host has one (ImGuiHost::set_large_font_size).
void draw_caption(const std::string& caption, int step, int count, float width, float height);

} // namespace crus::ui
