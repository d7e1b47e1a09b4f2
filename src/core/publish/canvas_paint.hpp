#pragma once
// Paints a recorded canvas (core/publish/overlay_canvas.hpp) into a picture with
// cairo and pango, the libraries the handout pages are set with: the labels
// and captions of headless figures, with no ImGui and no GL.
#include "core/io/image.hpp"
#include "core/publish/overlay_canvas.hpp"

namespace crus {

// Text measured as paint_canvas sets it (DejaVu Sans through fontconfig).
// One per thread; valid for the life of the thread.
const TextMetrics& figure_text_metrics();

// Draws every item over `image` (antialiased, blended onto what is there).
void paint_canvas(Image& image, const Canvas& canvas);

} // namespace crus
