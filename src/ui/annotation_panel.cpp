#include "ui/annotation_panel.hpp"

#include "ui/annotation_overlay.hpp"
#include "ui/wrapped_button.hpp"

#include <imgui.h>

#include <cstring>

namespace crus::ui {

void AnnotationPanel::draw(ViewerContext& ctx) {
  if (!ctx.document) return;
  AnnotationTools& tools = ctx.annotate;
  auto tool_button = [&](const char* label, AnnotationTool tool) {
    const bool on = tools.tool == tool;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (wrapped_button(label)) {
      tools.tool = on ? AnnotationTool::none : tool;
      tools.arrow_start.reset();
    }
    if (on) ImGui::PopStyleColor();
  };
  // In a row where they fit; with big text in a narrow panel, one a line.
  tool_button("Pin (Shift+P)", AnnotationTool::pin);
  same_line_if_fits("Arrow (Shift+A)");
  tool_button("Arrow (Shift+A)", AnnotationTool::arrow);
  same_line_if_fits("Ink (Shift+D)");
  tool_button("Ink (Shift+D)", AnnotationTool::ink);
  switch (tools.tool) {
    case AnnotationTool::pin:
      ImGui::TextWrapped("Click the model where the pin goes, or press Enter for the centre of the view.");
      break;
    case AnnotationTool::arrow:
      ImGui::TextWrapped(tools.arrow_start ? "Now click (or Enter) where the arrow points."
                                           : "Click (or Enter) where the arrow starts.");
      break;
    case AnnotationTool::ink: ImGui::TextWrapped("Drag over the view to draw; Escape stops."); break;
    default: break;
  }
  const Annotations& a = ctx.document->state().annotations;
  const std::size_t rows = a.pins.size() + a.arrows.size();
  if (synced_ != ctx.document->revision() || texts_.size() != rows) {
    texts_.clear();
    for (const auto& p : a.pins) texts_.push_back(p.text);
    for (const auto& r : a.arrows) texts_.push_back(r.text);
    synced_ = ctx.document->revision();
  }
  ImGui::Separator();
  if (rows == 0) wrapped_dim("No pins or arrows yet.");
  int remove = -1;
  for (std::size_t i = 0; i < rows; ++i) {
    const bool pin = i < a.pins.size();
    const std::string& id = pin ? a.pins[i].at.structure : a.arrows[i - a.pins.size()].to.structure;
    ImGui::PushID(static_cast<int>(i));
    ImGui::TextDisabled("%s %zu", pin ? "Pin" : "Arrow", pin ? i + 1 : i - a.pins.size() + 1);
    ImGui::SameLine();
    ImGui::TextUnformatted(ctx.scene && ctx.scene->find(id) ? ctx.scene->find(id)->name.c_str()
                                                            : (id + " (not in this atlas)").c_str());
    if (pin && tools.focus_pin == static_cast<int>(i)) {
      ImGui::SetKeyboardFocusHere();
      tools.focus_pin = -1;
    }
    char buf[kAnnotationTextBytes + 1];
    std::snprintf(buf, sizeof buf, "%s", texts_[i].c_str());
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 4.5f);
    if (ImGui::InputText("##text", buf, sizeof buf)) texts_[i] = buf;
    // One undo step per edit, when the field is left.
    if (ImGui::IsItemDeactivatedAfterEdit()) {
      Annotations next = a;
      (pin ? next.pins[i].text : next.arrows[i - a.pins.size()].text) = texts_[i];
      ctx.document->set_annotations(next, pin ? "Edit pin text" : "Edit arrow text");
      ImGui::PopID();
      break; // `a` changed under us
    }
    same_line_if_fits("Delete");
    if (ImGui::Button("Delete")) remove = static_cast<int>(i);
    ImGui::PopID();
  }
  if (remove >= 0) {
    Annotations next = a;
    const auto r = static_cast<std::size_t>(remove);
    if (r < next.pins.size()) next.pins.erase(next.pins.begin() + remove);
    else next.arrows.erase(next.arrows.begin() + static_cast<long>(r - next.pins.size()));
    ctx.document->set_annotations(next, r < a.pins.size() ? "Delete pin" : "Delete arrow");
  }
  ImGui::Separator();
  ImGui::Text("Ink: %zu stroke%s", a.ink.size(), a.ink.size() == 1 ? "" : "s");
  same_line_if_fits("Clear ink (Shift+C)");
  if (wrapped_button("Clear ink (Shift+C)") && ctx.commands) ctx.commands->run("annotate.clear_ink");
}

void bind_annotation_commands(CommandRegistry& commands, ViewerContext& ctx, LessonSession* lesson) {
  auto has_scene = [&ctx] { return ctx.scene && !ctx.scene->structures.empty(); };
  auto start = [&ctx](AnnotationTool tool) {
    ctx.annotate.tool = ctx.annotate.tool == tool ? AnnotationTool::none : tool;
    ctx.annotate.arrow_start.reset();
    ctx.annotate.stroke.points.clear();
  };
  auto tool_is = [&ctx](AnnotationTool tool) { return [&ctx, tool] { return ctx.annotate.tool == tool; }; };
  commands.bind(
      "annotate.add_pin",
      [start, &commands, &ctx] {
        start(AnnotationTool::pin);
        // The new pin's text field gets the keyboard there, so the panel opens.
        if (!ctx.presenting && !commands.is_checked("panel.annotations")) commands.run("panel.annotations");
      },
      has_scene, tool_is(AnnotationTool::pin));
  commands.bind(
      "annotate.add_arrow", [start] { start(AnnotationTool::arrow); }, has_scene, tool_is(AnnotationTool::arrow));
  commands.bind(
      "annotate.ink", [start] { start(AnnotationTool::ink); }, has_scene, tool_is(AnnotationTool::ink));
  commands.bind(
      "presenter.ink", [start] { start(AnnotationTool::ink); }, has_scene, tool_is(AnnotationTool::ink));
  auto clear_ink = [&ctx] {
    Annotations a = ctx.document->state().annotations;
    a.ink.clear();
    ctx.annotate.stroke.points.clear();
    ctx.document->set_annotations(a, "Clear ink");
  };
  auto any_ink = [&ctx] { return ctx.document && !ctx.document->state().annotations.ink.empty(); };
  commands.bind("annotate.clear_ink", clear_ink, any_ink);
  commands.bind("presenter.clear_ink", clear_ink, any_ink);
  commands.bind(
      "annotate.delete_last",
      [&ctx] {
        Annotations a = ctx.document->state().annotations;
        // The newest of the two kinds goes: arrows are made after pins less often,
        // so the last arrow when there is one, else the last pin.
        if (!a.arrows.empty()) a.arrows.pop_back();
        else if (!a.pins.empty()) a.pins.pop_back();
        else return;
        ctx.document->set_annotations(a, "Delete annotation");
      },
      [&ctx] {
        return ctx.document &&
               (!ctx.document->state().annotations.pins.empty() || !ctx.document->state().annotations.arrows.empty());
      });
  commands.bind(
      "annotate.place_here", [&ctx] { place_annotation_at(ctx, ctx.viewport_size * 0.5f); },
      [&ctx] { return ctx.annotate.placing(); });
  commands.bind("annotate.cancel", [&ctx] {
    ctx.annotate.tool = AnnotationTool::none;
    ctx.annotate.arrow_start.reset();
    ctx.annotate.stroke.points.clear();
  });
  auto pointer = [&ctx](Pointer p) {
    return [&ctx, p] { ctx.annotate.pointer = ctx.annotate.pointer == p ? Pointer::none : p; };
  };
  commands.bind("presenter.laser", pointer(Pointer::laser), {}, [&ctx] { return ctx.annotate.pointer == Pointer::laser; });
  commands.bind("presenter.spotlight", pointer(Pointer::spotlight), {},
                [&ctx] { return ctx.annotate.pointer == Pointer::spotlight; });
  commands.bind(
      "presenter.keep_ink",
      [&ctx, lesson] {
        if (lesson) lesson->keep_ink(ctx.document->state().annotations.ink);
      },
      [lesson] { return lesson && lesson->step(); });
}

} // namespace crus::ui
