#include "ui/label_overlay.hpp"

#include "core/document/view_labels.hpp"
#include "ui/canvas_imgui.hpp"
#include "ui/wrapped_button.hpp"

#include <algorithm>
#include <imgui.h>

namespace crus::ui {

std::vector<PlacedLabel> place_labels(const std::vector<LabelAnchor>& labels, const LabelView& view, const Aabb& keep_out) {
  // The layout lives below ui (core/publish/figure_overlays); ImGui only measures the text here.
  Canvas unused;
  return crus::place_labels(imgui_pen(unused), labels, view, keep_out);
}

int draw_labels(const std::vector<LabelAnchor>& labels, const LabelView& view, const Aabb& keep_out) {
  // The figures' label renderer, replayed behind the panels, over the 3D view.
  Canvas canvas;
  const int drawn = crus::draw_labels(imgui_pen(canvas), labels, view, keep_out);
  draw_canvas(ImGui::GetBackgroundDrawList(), canvas);
  return drawn;
}

void draw_legend(const std::vector<std::pair<glm::vec3, std::string>>& legend, const LabelView& view) {
  Canvas canvas;
  crus::draw_legend(imgui_pen(canvas), legend, view);
  draw_canvas(ImGui::GetBackgroundDrawList(), canvas);
}

} // namespace crus::ui

#include "core/document/draw_builder.hpp"
#include "ui/viewer_context.hpp"

namespace crus::ui {

ScreenRect draw_legend_window(const std::vector<std::pair<glm::vec3, std::string>>& legend, const ScreenRect& free,
                              const ScreenRect& model) {
  if (legend.empty()) return ScreenRect{};
  // Its size before drawing it: a colour swatch and the entry's text per
  // row. Where the band between the panels is narrower than the longest
  // entry, the entries break between words to fit it (with large text in a
  // small window the legend had gone under the trigger-point panel, which
  // cut 'Essential zone' to 'Essential zon'); never narrower than the
  // longest word.
  constexpr float kMargin = 8.0f; // kept from the band's edges (place_clear_of)
  const ImGuiStyle& style = ImGui::GetStyle();
  const float swatch = ImGui::GetFrameHeight() + style.ItemSpacing.x;
  float longest_word = 0.0f;
  for (const auto& entry : legend)
    longest_word = std::max(longest_word, ImGui::CalcTextSize(wrap_words(entry.second, 1.0f).c_str()).x);
  const float text_room = std::max(longest_word, free.size().x - 2.0f * (kMargin + style.WindowPadding.x) - swatch);
  std::vector<std::string> lines;
  float text = ImGui::CalcTextSize("Legend").x, height = ImGui::GetFrameHeight();
  for (const auto& entry : legend) {
    lines.push_back(wrap_words(entry.second, text_room));
    const ImVec2 size = ImGui::CalcTextSize(lines.back().c_str());
    text = std::max(text, swatch + size.x);
    // The text sits on the swatch's baseline, FramePadding.y below the row's top.
    height += std::max(ImGui::GetFrameHeight(), style.FramePadding.y + size.y) + style.ItemSpacing.y;
  }
  const glm::vec2 size(text + 2.0f * style.WindowPadding.x, height + 2.0f * style.WindowPadding.y);
  ImGuiIO& io = ImGui::GetIO();
  glm::vec2 pos = place_clear_of(size, free, model, kMargin);
  pos = glm::clamp(pos, glm::vec2(0.0f), glm::max(glm::vec2(0.0f), glm::vec2(io.DisplaySize.x, io.DisplaySize.y) - size));
  ImGui::SetNextWindowPos(ImVec2(pos.x, pos.y), ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.85f);
  ScreenRect placed{pos, pos + size};
  if (ImGui::Begin("Legend", nullptr,
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoCollapse |
                       ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav)) {
    for (std::size_t i = 0; i < legend.size(); ++i) {
      const glm::vec3& c = legend[i].first;
      ImGui::ColorButton(("##legend" + legend[i].second).c_str(), ImVec4(c.r, c.g, c.b, 1.0f), ImGuiColorEditFlags_NoTooltip);
      ImGui::SameLine();
      ImGui::TextUnformatted(lines[i].c_str());
    }
  }
  ImGui::End();
  return placed;
}

std::vector<LabelAnchor> view_labels(const ViewerContext& ctx) {
  if (!ctx.scene) return {};
  glm::vec3 eye = ctx.camera->eye();
  if (ctx.document->state().mirror) eye.z = -eye.z; // labels are placed in the model frame
  return crus::view_labels(*ctx.scene, ctx.document->state(), ctx.layers, ctx.highlights.labels, ctx.section_labels, eye);
}

void fit_between_panels(LabelView& view, const std::vector<std::pair<glm::vec2, glm::vec2>>& panels) {
  view.left = 0.0f;
  view.right = view.screen.x;
  for (const auto& [min, max] : panels) {
    if (max.x <= min.x || max.y <= min.y) continue;
    const float centre = 0.5f * (min.x + max.x);
    if (centre < 0.5f * view.screen.x) view.left = std::max(view.left, max.x);
    else view.right = std::min(view.right, min.x);
  }
  // Too narrow a band (panels over the middle): the whole width instead.
  // A band of ten lines' height still holds a column of labels over the
  // model (crus::place_labels puts them inside it when the model fills the
  // band): a small window with large text keeps its labels readable between
  // the panels rather than under them.
  if (view.right - view.left < ImGui::GetFontSize() * 10.0f) view.left = view.right = 0.0f;
}

void draw_view_annotations(const ViewerContext& ctx, bool window_bars) {
  float top = window_bars ? ImGui::GetFrameHeight() : 0.0f;
  float bottom = window_bars ? ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y : 0.0f;
  LabelView view;
  view.view_projection = ctx.projection * ctx.view * (ctx.document->state().mirror ? mirror_matrix() : glm::mat4(1.0f));
  view.screen = ctx.viewport_size;
  view.top = top;
  view.bottom = bottom;
  // The side panels (last frame's rectangles): labels go between them.
  fit_between_panels(view, ctx.panel_rects);
  Aabb box = ctx.scene ? ctx.scene->box : Aabb{};
  std::vector<std::pair<glm::vec3, std::string>> legend = ctx.highlights.legend;
  legend.insert(legend.end(), ctx.overlay.legend.begin(), ctx.overlay.legend.end());
  LabelView below = view;
  if (window_bars) {
    // In the viewer the legend is a small window in a corner of the view
    // between the panels that the model leaves free; labels keep clear of it.
    // The band between the side panels however narrow (the labels' band
    // falls back to the whole width; the legend must not go under a panel).
    float left = 0.0f, right = view.screen.x;
    for (const auto& [min, max] : ctx.panel_rects) {
      if (max.x <= min.x || max.y <= min.y) continue;
      if (0.5f * (min.x + max.x) < 0.5f * view.screen.x) left = std::max(left, max.x);
      else right = std::min(right, min.x);
    }
    if (right <= left) {
      left = 0.0f;
      right = view.screen.x;
    }
    const ScreenRect free{{left, top}, {right, view.screen.y - bottom}};
    const ScreenRect placed = draw_legend_window(legend, free, screen_rect(box, view));
    if (placed.max.y > placed.min.y) {
      if (placed.min.y < 0.5f * view.screen.y) below.top = std::max(below.top, placed.max.y + 4.0f);
      else below.bottom = std::max(below.bottom, view.screen.y - placed.min.y + 4.0f);
    }
  } else {
    // As in the figures (presenter mode): the legend in its corner, the labels below it.
    Canvas canvas;
    draw_figure_labels(imgui_pen(canvas), view_labels(ctx), legend, view, box);
    draw_canvas(ImGui::GetBackgroundDrawList(), canvas);
    return;
  }
  draw_labels(view_labels(ctx), below, box);
}

} // namespace crus::ui
