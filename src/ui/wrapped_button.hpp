#pragma once
// Buttons whose labels break between words instead of being clipped: with
// projector-sized text a panel's column is narrower than a label such as
// "Silfverskiöld test: knee straight" (ImGui draws a "\n" in a button label
// as a second line and sizes the button to fit).
#include <string>

namespace crus::ui {

// `text` with its spaces turned into line breaks where the next word would
// pass `width` (pixels, current font). A single word wider than `width`
// stays whole on its own line.
std::string wrap_words(const std::string& text, float width);

// ImGui::Button with its label wrapped to the width left on the line (or
// `width` when positive); the button's ID is the unwrapped label, so it
// stays the same widget while the panel is resized.
bool wrapped_button(const std::string& label, float width = 0.0f);

// ImGui::CollapsingHeader with its label wrapped to the panel's width: the
// header grows a line for each line of the label instead of cutting it off
// at the edge ("Self-care (once the red flags are ruled out)" with 30 px
// text). `flags` are ImGuiTreeNodeFlags; the ID is the unwrapped label, so
// the header stays open or closed while the panel is resized.
bool wrapped_header(const std::string& label, int flags = 0);

// ImGui::BeginCombo across the panel's width. A combo cuts its preview at
// the box's edge ("Soleus TrP1 (" in a narrow panel with 30 px text), so a
// preview that does not fit is written above the box, wrapped, and the box
// itself reads `other` (e.g. "Change...", short enough to fit). Returns what BeginCombo
// returns: EndCombo() only when true. The ID is `id` either way.
bool begin_wrapped_combo(const char* id, const std::string& preview, const char* other);

// ImGui::SetTooltip with its text wrapped at 24 times the font size (or
// the window's width, when narrower): SetTooltip does not wrap, and with
// large text a long tooltip ran off the window's edge ("A printable document
// (PDF or PNG, A4 or US Letter) with the pictu").
void wrapped_tooltip(const std::string& text);

} // namespace crus::ui
