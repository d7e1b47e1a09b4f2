#include "ui/shell.hpp"

#include "core/draw_builder.hpp"
#include "ui/keys.hpp"

#include <imgui.h>
#include <imgui_internal.h> // FindWindowByName: last frame's rectangle of a panel

#include <algorithm>

namespace crus::ui {

void draw_panel_window(Panel& panel, ViewerContext& ctx, const ScreenRect* place, bool force) {
  if (!panel.open) return;
  ImGuiIO& io = ImGui::GetIO();
  if (place) {
    const ImGuiCond cond = force ? ImGuiCond_Always : ImGuiCond_FirstUseEver;
    ImGui::SetNextWindowPos(ImVec2(place->min.x, place->min.y), cond);
    ImGui::SetNextWindowSize(ImVec2(place->size().x, place->size().y), cond);
  } else {
    float x, y, w, h;
    panel.default_placement(x, y, w, h);
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * x, io.DisplaySize.y * y), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x * w, io.DisplaySize.y * h), ImGuiCond_FirstUseEver);
  }
  // A panel left past the edge (the window shrank, a projector with a
  // smaller screen) comes back inside, collapsed or not, so that it can
  // still be read and moved. Its rectangle is last frame's.
  if (const ImGuiWindow* last = ImGui::FindWindowByName(panel.title())) {
    const ImVec2 inside(std::clamp(last->Pos.x, 0.0f, std::max(0.0f, io.DisplaySize.x - last->Size.x)),
                        std::clamp(last->Pos.y, 0.0f, std::max(0.0f, io.DisplaySize.y - ImGui::GetFrameHeight())));
    if (inside.x != last->Pos.x || inside.y != last->Pos.y) ImGui::SetNextWindowPos(inside, ImGuiCond_Always);
  }
  const bool expanded = ImGui::Begin(panel.title(), &panel.open);
  const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  ctx.panel_rects.emplace_back(glm::vec2(pos.x, pos.y), glm::vec2(pos.x + size.x, pos.y + size.y));
  if (expanded) {
    try {
      panel.draw(ctx);
      panel.last_error.clear();
    } catch (const std::exception& e) {
      panel.last_error = e.what();
    }
    if (!panel.last_error.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.45f, 0.4f, 1.0f));
      ImGui::TextWrapped("This panel hit a problem: %s", panel.last_error.c_str());
      ImGui::PopStyleColor();
    }
  }
  ImGui::End();
}

const std::vector<Shortcut>& all_shortcuts() {
  static const std::vector<Shortcut> list = {
      {"Left drag", "Rotate (orbit) the view"},
      {"Right or middle drag", "Pan"},
      {"Wheel / two-finger scroll", "Zoom toward the cursor"},
      {"Two-finger sideways scroll", "Rotate"},
      {"Arrows", "Rotate; with Shift, pan"},
      {"+ / -", "Zoom in / out"},
      {"1 2 3 4 5 6", "Anterior, posterior, medial, lateral, superior, inferior view"},
      {"R or Home", "Reset the view"},
      {"Click", "Select the structure under the cursor"},
      {"Double-click", "Select and frame the structure"},
      {"F", "Frame the selection"},
      {"Esc", "Clear the selection"},
      {"H", "Hide the selection"},
      {"G", "Ghost (make translucent) the selection"},
      {"I", "Isolate the selection"},
      {"A", "Show everything"},
      {"P", "Pin or unpin the selection's label"},
      {"Ctrl+F or /", "Search"},
      {"Ctrl+Z", "Undo"},
      {"Ctrl+Y or Ctrl+Shift+Z", "Redo"},
      {"Ctrl++ / Ctrl+-", "Larger / smaller text (for projectors)"},
      {"M", "Mirror: show a left leg"},
      {"Tab", "Hide or show all panels (a clean view)"},
      {"F1", "This help"},
      {"Ctrl+Q", "Quit"},
  };
  return list;
}

void HelpPanel::draw(ViewerContext&) {
  ImGui::TextWrapped("Crus shows the right lower leg. Every action below is also in the menus.");
  ImGui::Separator();
  if (ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
    ImGui::TableSetupColumn("Keys", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 13.0f);
    ImGui::TableSetupColumn("Action");
    ImGui::TableHeadersRow();
    for (const auto& s : all_shortcuts()) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(s.keys);
      ImGui::TableSetColumnIndex(1);
      ImGui::TextWrapped("%s", s.what);
    }
    ImGui::EndTable();
  }
}

Shell::Shell(ImGuiHost& host) : host_(host) { panels_.push_back(std::make_unique<HelpPanel>()); }

void Shell::add_panel(std::unique_ptr<Panel> panel) { panels_.insert(panels_.end() - 1, std::move(panel)); }

Panel* Shell::find_panel(const std::string& title) {
  for (auto& p : panels_)
    if (title == p->title()) return p.get();
  return nullptr;
}

void Shell::handle_shortcuts(ViewerContext& ctx) {
  ImGuiIO& io = ImGui::GetIO();
  if (keys::pressed(keys::f1))
    if (Panel* help = find_panel("Help")) help->open = !help->open;
  if (io.KeyCtrl && keys::pressed(keys::printable('Q'))) request_quit(ctx);
  if (scene_actions_.open_scene) scene_files_.handle_shortcuts(scene_actions_);
  if (io.KeyCtrl && (keys::pressed(keys::printable('=')) || keys::pressed(keys::keypad_add)))
    host_.set_font_size(std::min(host_.font_size() + 2.0f, 40.0f));
  if (io.KeyCtrl && (keys::pressed(keys::printable('-')) || keys::pressed(keys::keypad_subtract)))
    host_.set_font_size(std::max(host_.font_size() - 2.0f, 11.0f));
  if (io.KeyCtrl && keys::pressed(keys::printable('F'))) ctx.request_search_focus = true;
  // Letter keys act whenever no text field has focus (a click on a panel
  // leaves WantCaptureKeyboard set although nothing is being typed).
  if (io.WantTextInput || io.KeyCtrl) return;
  if (keys::pressed(keys::printable('/'))) ctx.request_search_focus = true;
  int sel = ctx.document->state().selected;
  if (sel >= 0) {
    if (keys::pressed(keys::printable('H'))) ctx.document->set_visibility({sel}, Visibility::hidden);
    if (keys::pressed(keys::printable('G'))) ctx.document->set_visibility({sel}, Visibility::ghosted);
    if (keys::pressed(keys::printable('I'))) ctx.document->isolate({sel});
    if (keys::pressed(keys::printable('P'))) ctx.document->set_pinned(sel, !ctx.document->state().pinned.count(sel));
  }
  if (keys::pressed(keys::printable('A'))) ctx.document->show_all();
  if (keys::pressed(keys::named(ImGuiKey_Tab))) panels_hidden_ = !panels_hidden_;
  if (keys::pressed(keys::printable('M'))) ctx.document->set_mirror(!ctx.document->state().mirror);
}

void Shell::request_quit(ViewerContext& ctx) {
  if (scene_actions_.quit) scene_files_.request_quit(scene_actions_);
  else ctx.quit = true;
}

void Shell::draw_menu(ViewerContext& ctx) {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (scene_actions_.open_scene) {
      scene_files_.draw_menu_items(scene_actions_);
      ImGui::Separator();
    }
    if (ImGui::MenuItem("Problems...", nullptr, false, !ctx.messages.empty())) ctx.show_messages = true;
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) request_quit(ctx);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Edit")) {
    std::string undo = "Undo " + ctx.document->undo_name();
    std::string redo = "Redo " + ctx.document->redo_name();
    if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, ctx.document->can_undo())) ctx.document->undo();
    if (ImGui::MenuItem(redo.c_str(), "Ctrl+Y", false, ctx.document->can_redo())) ctx.document->redo();
    ImGui::Separator();
    int sel = ctx.document->state().selected;
    if (ImGui::MenuItem("Clear selection", "Esc", false, sel >= 0)) ctx.document->clear_selection();
    if (ImGui::MenuItem("Hide selection", "H", false, sel >= 0)) ctx.document->set_visibility({sel}, Visibility::hidden);
    if (ImGui::MenuItem("Ghost selection", "G", false, sel >= 0)) ctx.document->set_visibility({sel}, Visibility::ghosted);
    if (ImGui::MenuItem("Isolate selection", "I", false, sel >= 0)) ctx.document->isolate({sel});
    if (ImGui::MenuItem("Show everything", "A")) ctx.document->show_all();
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    const std::pair<const char*, AnatomicalView> views[] = {
        {"1", AnatomicalView::anterior}, {"2", AnatomicalView::posterior}, {"3", AnatomicalView::medial},
        {"4", AnatomicalView::lateral},  {"5", AnatomicalView::superior},  {"6", AnatomicalView::inferior}};
    for (auto [key, view] : views) {
      std::string label = std::string(to_string(view));
      label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
      if (ImGui::MenuItem(label.c_str(), key)) go_to_view(ctx, view);
    }
    if (ImGui::MenuItem("Reset view", "R")) go_to_view(ctx, AnatomicalView::anterior);
    if (ImGui::MenuItem("Frame selection", "F", false, ctx.document->state().selected >= 0))
      frame_structure(ctx, ctx.document->state().selected);
    ImGui::Separator();
    bool mirror = ctx.document->state().mirror;
    if (ImGui::MenuItem("Mirror (left leg)", "M", &mirror)) ctx.document->set_mirror(mirror);
    ImGui::MenuItem("Light background (slides)", nullptr, &ctx.light_background);
    bool hidden = panels_hidden_;
    if (ImGui::MenuItem("Hide panels", "Tab", &hidden)) panels_hidden_ = hidden;
    if (ImGui::MenuItem("Arrange panels")) arrange_requested_ = true;
    if (ImGui::MenuItem("Reset to defaults")) ctx.reset_settings = true;
    if (ImGui::BeginMenu("Text size")) {
      for (float pts : {14.0f, 17.0f, 21.0f, 26.0f, 32.0f}) {
        std::string label = std::to_string(static_cast<int>(pts)) + " pt" + (pts >= 26.0f ? " (projector)" : "");
        if (ImGui::MenuItem(label.c_str(), nullptr, host_.font_size() == pts)) host_.set_font_size(pts);
      }
      ImGui::EndMenu();
    }
    ImGui::Separator();
    for (auto& p : panels_) ImGui::MenuItem(p->title(), p->shortcut(), &p->open);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    if (Panel* help = find_panel("Help")) ImGui::MenuItem("Shortcuts", "F1", &help->open);
    if (ImGui::MenuItem("About Crus")) show_about_ = true;
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

void Shell::draw_status_bar(ViewerContext& ctx) {
  ImGuiIO& io = ImGui::GetIO();
  float h = ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y;
  ImGui::SetNextWindowPos(ImVec2(0, io.DisplaySize.y - h));
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, h));
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                           ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8.0f, 4.0f));
  if (ImGui::Begin("##status", nullptr, flags)) {
    int sel = ctx.document->state().selected;
    std::string selection = (sel >= 0 && ctx.scene) ? ctx.scene->structures[static_cast<std::size_t>(sel)].name : "nothing selected";
    ImGui::Text("%.1f ms  |  %zu triangles  |  %s  |  %s", ctx.stats.frame_ms, ctx.stats.triangles, selection.c_str(),
                ctx.stats.renderer.c_str());
    if (!ctx.messages.empty()) {
      ImGui::SameLine();
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.7f, 0.3f, 1.0f));
      if (ImGui::SmallButton(("  " + std::to_string(ctx.messages.size()) + " problem(s)").c_str())) ctx.show_messages = true;
      ImGui::PopStyleColor();
    }
  }
  ImGui::End();
  ImGui::PopStyleVar();
}

void Shell::draw_messages(ViewerContext& ctx) {
  if (scene_actions_.open_scene) scene_files_.draw_dialogs(scene_actions_);
  if (!scene_files_.last_message.empty()) {
    ctx.messages.push_back(scene_files_.last_message);
    scene_files_.last_message.clear();
    ctx.show_messages = true;
  }
  if (ctx.show_messages) {
    ImGui::OpenPopup("Problems");
    ctx.show_messages = false;
  }
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x * 0.5f, 0.0f), ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::BeginPopupModal("Problems", nullptr, ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::TextWrapped("Crus kept running with what it could load. What went wrong:");
    ImGui::Separator();
    for (const auto& m : ctx.messages) {
      ImGui::Bullet();
      ImGui::TextWrapped("%s", m.c_str());
    }
    ImGui::Separator();
    if (ImGui::Button("Close") || keys::pressed(keys::named(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  if (show_about_) {
    ImGui::OpenPopup("About Crus");
    show_about_ = false;
  }
  if (ImGui::BeginPopupModal("About Crus", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::Text("Crus %s: an interactive 3D atlas of the human lower leg.", CRUS_VERSION);
    ImGui::Text("For education. It does not diagnose.");
    ImGui::Text("Font: %s. No network access, no accounts, no telemetry.", host_.font_name().c_str());
    if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

const char* nothing_drawn_reason(const ViewerContext& ctx) {
  if (!ctx.scene || !ctx.document || ctx.scene->structures.empty()) return nullptr;
  const DocumentState& state = ctx.document->state();
  for (std::size_t i = 0; i < ctx.scene->structures.size(); ++i)
    if (is_drawn(state, ctx.layers, i)) return nullptr;
  if (state.peel_layer > 0)
    return "Every layer is peeled away, the bones included, so nothing is left to show. Move the Peel slider "
           "in Structures back one step to see the bones, or show everything.";
  return "Every structure is hidden. Show them again from Structures, or show everything.";
}

void Shell::draw_panels(ViewerContext& ctx) {
  ImGuiIO& io = ImGui::GetIO();
  std::vector<Panel*> open;
  std::vector<PanelSlot> slots;
  std::string signature = std::to_string(static_cast<int>(io.DisplaySize.x)) + "x" +
                          std::to_string(static_cast<int>(io.DisplaySize.y)) + "@" + std::to_string(ImGui::GetFontSize());
  for (auto& p : panels_)
    if (p->open) {
      open.push_back(p.get());
      slots.push_back(p->slot());
      signature += std::string("|") + p->title();
    }
  const float top = ImGui::GetFrameHeight();
  const float bottom = ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y;
  const std::vector<ScreenRect> rects =
      layout_panels(slots, glm::vec2(io.DisplaySize.x, io.DisplaySize.y), ImGui::GetFontSize(), top, bottom);
  // The layout is applied again when the window or the text size changes or
  // a panel opens or closes; in between the user may move panels freely.
  const bool force = arrange_requested_ || (!layout_signature_.empty() && signature != layout_signature_);
  layout_signature_ = signature;
  arrange_requested_ = false;
  for (std::size_t k = 0; k < open.size(); ++k) draw_panel_window(*open[k], ctx, &rects[k], force);
}

void Shell::draw(ViewerContext& ctx) {
  handle_shortcuts(ctx);
  if (ctx.request_search_focus)
    if (Panel* search = find_panel("Search")) {
      // A closed panel never draws, so open it to take the focus.
      search->open = true;
      ImGui::SetWindowCollapsed("Search", false);
    }
  ctx.panel_rects.clear();
  if (!ctx.presenting) {
    // Presenter mode: the model and the caption only.
    draw_menu(ctx);
    if (!panels_hidden_) draw_panels(ctx);
    draw_status_bar(ctx);
  }
  if (ctx.scene && ctx.scene->structures.empty()) {
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 28.0f, 0.0f), ImGuiCond_Always);
    ImGui::Begin("##empty", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    ImGui::Text("No atlas loaded.");
    ImGui::TextWrapped("%s", ctx.messages.empty() ? "Open one with crus --atlas FILE." : ctx.messages.front().c_str());
    ImGui::End();
  }
  if (const char* why = nothing_drawn_reason(ctx)) {
    // Every layer peeled or every structure hidden: say so instead of
    // leaving an empty view.
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(ImGui::GetFontSize() * 24.0f, io.DisplaySize.x * 0.9f), 0.0f), ImGuiCond_Always);
    ImGui::Begin("##nothing_drawn", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                                 ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
    ImGui::TextWrapped("%s", why);
    if (ImGui::Button("Show everything (A)")) ctx.document->show_all();
    ImGui::End();
  }
  // Modals last: a window that appears after a modal in the same frame trips
  // an assertion in ImGui 1.86.
  draw_messages(ctx);
}

} // namespace crus::ui
