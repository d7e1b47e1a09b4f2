#include "ui/shell.hpp"

#include "core/commands/command_catalogue.hpp"
#include "core/document/draw_builder.hpp"
#include "ui/command_keys.hpp"
#include "ui/keys.hpp"
#include "ui/viewer_commands.hpp"
#include "ui/wrapped_button.hpp"

#include <imgui.h>
#include <imgui_internal.h> // FindWindowByName: last frame's rectangle of a panel

#include <algorithm>
#include <cstdio>

namespace crus::ui {

void same_line_if_fits(const char* next, bool small) {
  same_line_if_fits_width(ImGui::CalcTextSize(next, nullptr, true).x + (small ? 0.0f : ImGui::GetStyle().FramePadding.x * 2.0f));
}

void same_line_if_fits_width(float width) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right) ImGui::SameLine();
}

float checkbox_width(const char* label) {
  return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
}

namespace {
// `box(name)` draws a check box or radio button: with `label` as its name
// when that fits the line; otherwise unnamed, with `label` beside it
// wrapping at the panel's edge. `label_clicked`: the wrapped label was.
template <class Box>
bool with_wrapped_label(const char* label, Box box, bool& label_clicked) {
  label_clicked = false;
  if (checkbox_width(label) <= ImGui::GetContentRegionAvail().x) return box(label);
  ImGui::PushID(label);
  const bool result = box("##box");
  ImGui::PopID();
  ImGui::SameLine(0.0f, ImGui::GetStyle().ItemInnerSpacing.x);
  ImGui::TextWrapped("%s", label);
  label_clicked = ImGui::IsItemClicked();
  return result;
}
} // namespace

bool wrapped_checkbox(const char* label, bool* value) {
  bool label_clicked = false;
  const bool changed = with_wrapped_label(
      label, [&](const char* name) { return ImGui::Checkbox(name, value); }, label_clicked);
  if (label_clicked) *value = !*value;
  return changed || label_clicked;
}

bool wrapped_radio(const char* label, bool active) {
  bool label_clicked = false;
  const bool clicked = with_wrapped_label(
      label, [&](const char* name) { return ImGui::RadioButton(name, active); }, label_clicked);
  return clicked || label_clicked;
}

void wrapped_dim(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

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
  // A narrow panel with large text cuts its title ("Trigger po"); hovering
  // the title bar then shows the whole title. The bar holds the collapse
  // arrow and the close button, each a font size wide with frame padding.
  {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float room = size.x - 2.0f * (ImGui::GetFontSize() + 2.0f * style.FramePadding.x);
    if (ImGui::IsWindowHovered() &&
        ImGui::IsMouseHoveringRect(pos, ImVec2(pos.x + size.x, pos.y + ImGui::GetFrameHeight()), false) &&
        ImGui::CalcTextSize(panel.title(), nullptr, true).x > room)
      wrapped_tooltip(panel.title());
  }
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

const std::vector<Gesture>& mouse_gestures() {
  static const std::vector<Gesture> list = {
      {"Left drag", "Rotate (orbit) the view"},
      {"Right or middle drag", "Pan"},
      {"Wheel / two-finger scroll", "Zoom toward the cursor"},
      {"Two-finger sideways scroll", "Rotate"},
      {"Click", "Select the structure under the cursor"},
      {"Double-click", "Select and frame the structure"},
  };
  return list;
}

void HelpPanel::draw(ViewerContext& ctx) {
  ImGui::TextWrapped("Crus shows the right lower leg. Every action is in the menus and in the command palette "
                     "(Ctrl+Shift+P or Ctrl+K); keys can be changed in keys.json of the config folder.");
  ImGui::Separator();
  if (!ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) return;
  ImGui::TableSetupColumn("Keys", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 13.0f);
  ImGui::TableSetupColumn("Action");
  ImGui::TableHeadersRow();
  auto row = [](const std::string& keys, const std::string& what) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(keys.c_str());
    ImGui::TableSetColumnIndex(1);
    ImGui::TextWrapped("%s", what.c_str());
  };
  for (const Gesture& g : mouse_gestures()) row(g.how, g.what);
  if (ctx.commands)
    for (const Command& c : ctx.commands->all())
      if (!c.info.keys.empty()) row(ctx.commands->keys_text(c.info.id), c.info.title);
  ImGui::EndTable();
}

Shell::Shell(ImGuiHost& host) : host_(host) {
  add_viewer_commands(commands_);
  // The shell's own commands; those of the document and the camera are
  // bound to the viewer's context on the first draw (ui/viewer_commands.cpp).
  auto font = [this](float points) { host_.set_font_size(std::clamp(points, 11.0f, 40.0f)); };
  commands_.bind("text.larger", [this, font] { font(host_.font_size() + 2.0f); });
  commands_.bind("text.smaller", [this, font] { font(host_.font_size() - 2.0f); });
  for (float pts : {14.0f, 17.0f, 21.0f, 26.0f, 32.0f})
    commands_.bind(
        "text.size_" + std::to_string(static_cast<int>(pts)), [font, pts] { font(pts); }, {},
        [this, pts] { return host_.font_size() == pts; });
  commands_.bind(
      "view.hide_panels", [this] { panels_hidden_ = !panels_hidden_; }, {}, [this] { return panels_hidden_; });
  commands_.bind("view.arrange_panels", [this] { arrange_requested_ = true; });
  commands_.bind("palette.open", [this] { palette_.open(); });
  commands_.bind("help.about", [this] { show_about_ = true; });
  // Scenes: enabled once the app has given the shell its scene actions.
  auto scenes = [this] { return static_cast<bool>(scene_actions_.open_scene); };
  commands_.bind(
      "file.open_scene", [this] { scene_files_.open(scene_actions_); }, scenes);
  commands_.bind(
      "file.save_scene", [this] { scene_files_.save(scene_actions_); }, scenes);
  commands_.bind(
      "file.save_scene_as", [this] { scene_files_.save_as(); }, scenes);
  commands_.bind(
      "file.export_image", [this] { scene_files_.export_image(); }, scenes);
  add_panel(std::make_unique<HelpPanel>());
}

void Shell::add_panel(std::unique_ptr<Panel> panel) {
  Panel* p = panel.get();
  // Help stays last in the list (and in the View menu).
  if (!panels_.empty() && panels_.back()->title() == std::string("Help")) panels_.insert(panels_.end() - 1, std::move(panel));
  else panels_.push_back(std::move(panel));
  const std::string id = panel_command_id(p->title());
  if (!commands_.find(id))
    commands_.add(CommandInfo{id, std::string(p->title()) + " panel", "View > Panels", "global", {}, false});
  commands_.bind(
      id, [p] { p->open = !p->open; }, {}, [p] { return p->open; });
}

Panel* Shell::find_panel(const std::string& title) {
  for (auto& p : panels_)
    if (title == p->title()) return p.get();
  return nullptr;
}

void Shell::handle_shortcuts(ViewerContext& ctx) {
  if (bound_to_ != &ctx) {
    bind_viewer_commands(commands_, ctx);
    // Quitting asks first when a scene has unsaved changes.
    commands_.bind("file.quit", [this, &ctx] { request_quit(ctx); });
    bound_to_ = &ctx;
  }
  ctx.commands = &commands_;
  // Presenter mode's keys (the lesson's) come before the viewer's.
  std::vector<std::string> modes = modes_;
  if (ctx.presenting && std::find(modes.begin(), modes.end(), "presenter") == modes.end())
    modes.insert(modes.begin(), "presenter");
  // While an annotation tool is in use, Enter places and Escape stops it.
  if (ctx.annotate.tool != AnnotationTool::none) modes.insert(modes.begin(), "annotate");
  // A key is ignored while the palette is up, except the global ones.
  if (dispatch_pressed_keys(commands_, active_contexts(modes))) commands_ran_ = true;
}

void Shell::request_quit(ViewerContext& ctx) {
  auto quit = [this, &ctx] {
    if (scene_actions_.quit) scene_files_.request_quit(scene_actions_);
    else ctx.quit = true;
  };
  if (quit_guard_) quit_guard_(quit);
  else quit();
}

void Shell::draw_menu(ViewerContext& ctx) {
  if (!ImGui::BeginMainMenuBar()) return;
  for (const std::string menu : {"File", "Edit", "View", "Help"}) {
    if (!ImGui::BeginMenu(menu.c_str())) continue;
    // Items in registration order, a separator where the id's first word
    // changes (edit / selection / structures); submenus ("View > Panels")
    // after the items.
    std::string group;
    std::vector<std::string> submenus;
    for (const Command& c : commands_.all()) {
      if (c.info.menu.rfind(menu + " > ", 0) == 0 && std::find(submenus.begin(), submenus.end(), c.info.menu) == submenus.end())
        submenus.push_back(c.info.menu);
      if (c.info.menu != menu) continue;
      const std::string g = c.info.id.substr(0, c.info.id.find('.'));
      if (!group.empty() && g != group) ImGui::Separator();
      group = g;
      std::string label;
      if (c.info.id == "edit.undo") label = "Undo " + ctx.document->undo_name();
      if (c.info.id == "edit.redo") label = "Redo " + ctx.document->redo_name();
      command_menu_item(commands_, c.info.id, label);
      // The recent scenes change as files are opened: a submenu of their own.
      if (c.info.id == "file.save_scene_as" && scene_actions_.open_scene) scene_files_.draw_recent_menu(scene_actions_);
    }
    if (!submenus.empty()) ImGui::Separator();
    for (const std::string& sub : submenus) {
      if (!ImGui::BeginMenu(sub.substr(menu.size() + 3).c_str())) continue;
      for (const Command& c : commands_.all())
        if (c.info.menu == sub) command_menu_item(commands_, c.info.id);
      ImGui::EndMenu();
    }
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

std::string fit_status_line(const std::vector<std::string>& parts, float width,
                            const std::function<float(const std::string&)>& text_width) {
  static const std::string kSep = "  |  ", kCut = "...";
  std::string line;
  for (const std::string& part : parts) {
    const std::string next = line.empty() ? part : line + kSep + part;
    if (text_width(next) <= width) {
      line = next;
      continue;
    }
    if (line.empty()) {
      // Not even the first part fits: as much of it as does, cut short,
      // one whole UTF-8 character at a time (continuation bytes are 10xxxxxx).
      std::string cut = part;
      while (!cut.empty() && text_width(cut + kCut) > width) {
        unsigned char last = 0;
        do {
          last = static_cast<unsigned char>(cut.back());
          cut.pop_back();
        } while (!cut.empty() && (last & 0xC0) == 0x80);
      }
      line = cut.empty() ? std::string() : cut + kCut;
    }
    break;
  }
  return line;
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
    // The problems come first, so that a narrow window or a large text size
    // never pushes them off the edge; then the selection, the frame time, the
    // triangle count and the renderer, as many of them as fit.
    if (!ctx.messages.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.7f, 0.3f, 1.0f));
      if (ImGui::SmallButton(
              (std::to_string(ctx.messages.size()) + (ctx.messages.size() == 1 ? " problem" : " problems")).c_str()))
        ctx.show_messages = true;
      ImGui::PopStyleColor();
      ImGui::SameLine();
    }
    int sel = ctx.document->state().selected;
    std::string selection =
        (sel >= 0 && ctx.scene) ? ctx.scene->structures[static_cast<std::size_t>(sel)].name : "nothing selected";
    char frame[32];
    std::snprintf(frame, sizeof frame, "%.1f ms", ctx.stats.frame_ms);
    const std::string line = fit_status_line(
        {selection, frame, std::to_string(ctx.stats.triangles) + " triangles", ctx.stats.renderer},
        ImGui::GetContentRegionAvail().x, [](const std::string& text) { return ImGui::CalcTextSize(text.c_str()).x; });
    ImGui::TextUnformatted(line.c_str());
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
  // The dialog fits the window whatever the number of problems and the text
  // size: the list scrolls inside it, and the title and Close stay in view.
  ImGuiIO& io = ImGui::GetIO();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width =
      std::min(io.DisplaySize.x - 2.0f * style.WindowPadding.x, std::max(io.DisplaySize.x * 0.5f, ImGui::GetFontSize() * 24.0f));
  ImGui::SetNextWindowSize(ImVec2(width, 0.0f), ImGuiCond_Always);
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  if (ImGui::BeginPopupModal("Problems", nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextWrapped("Crus kept running with what it could load. What went wrong:");
    ImGui::Separator();
    // The list's height: what its wrapped lines need, at most what is left
    // of 90% of the window once the title, the line above and Close are in.
    const float wrap = ImGui::GetContentRegionAvail().x - ImGui::GetTreeNodeToLabelSpacing() - style.ScrollbarSize;
    float needed = 0.0f;
    for (const auto& m : ctx.messages)
      needed += ImGui::CalcTextSize(m.c_str(), nullptr, false, std::max(wrap, 1.0f)).y + style.ItemSpacing.y;
    const float chrome =
        ImGui::GetCursorPosY() + ImGui::GetFrameHeightWithSpacing() + 2.0f * style.ItemSpacing.y + style.WindowPadding.y;
    const float room = std::max(io.DisplaySize.y * 0.9f - chrome, ImGui::GetFrameHeight() * 2.0f);
    // (A child of height 0 would fill the dialog, which would grow with it.)
    if (ctx.messages.empty()) {
      ImGui::TextUnformatted("No problems now: everything loaded.");
    } else {
      if (ImGui::BeginChild("##problem_list", ImVec2(0.0f, std::min(needed, room)))) {
        for (const auto& m : ctx.messages) {
          ImGui::Bullet();
          ImGui::TextWrapped("%s", m.c_str());
        }
      }
      ImGui::EndChild();
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
  // A window being resized keeps its picture as the projection gives it;
  // panels opening or closing, or a new text size, move it (follow_free_view).
  const std::string size_part = signature.substr(0, signature.find('@'));
  layout_moved_ = layout_moved_ || (force && size_part == layout_size_);
  layout_size_ = size_part;
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
  // Tab, or presenter mode, hides or shows every panel: the picture follows
  // as when one opens.
  const bool hidden = panels_hidden_ || ctx.presenting;
  if (hidden != hidden_drawn_) layout_moved_ = true;
  hidden_drawn_ = hidden;
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
    ImGui::Begin("##nothing_drawn", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoNav);
    ImGui::TextWrapped("%s", why);
    if (ImGui::Button("Show everything (A)")) ctx.document->show_all();
    ImGui::End();
  }
  // Modals last: a window that appears after a modal in the same frame trips
  // an assertion in ImGui 1.86.
  palette_.draw(commands_);
  for (const auto& dialog : dialogs_) dialog();
  draw_messages(ctx);
}

} // namespace crus::ui
