#include "ui/structure_browser.hpp"
#include "ui/wrapped_button.hpp"

#include <imgui.h>
#include <imgui_internal.h> // ImGuiItemFlags_MixedValue: the group check box's third state

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

namespace crus::ui {

namespace {

const SceneStructure* structure_at(const ViewerContext& ctx, int i) {
  if (!ctx.scene || i < 0 || static_cast<std::size_t>(i) >= ctx.scene->structures.size()) return nullptr;
  return &ctx.scene->structures[static_cast<std::size_t>(i)];
}

const KnowledgeEntry* entry_at(const ViewerContext& ctx, int i) {
  const SceneStructure* s = structure_at(ctx, i);
  return (s && ctx.knowledge) ? ctx.knowledge->find(s->id) : nullptr;
}

std::string display_name(const ViewerContext& ctx, int i) {
  if (const KnowledgeEntry* k = entry_at(ctx, i); k && !k->name.empty()) return k->name;
  const SceneStructure* s = structure_at(ctx, i);
  if (!s) return "";
  return s->name.empty() ? s->id : s->name;
}

std::string capitalised(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

const char* kind_label(StructureKind kind) {
  switch (kind) {
    case StructureKind::bone: return "Bones";
    case StructureKind::muscle: return "Muscles";
    case StructureKind::tendon: return "Tendons";
    case StructureKind::nerve: return "Nerves";
    case StructureKind::skin: return "Skin";
    case StructureKind::ligament: return "Ligaments";
    case StructureKind::other: break;
  }
  return "Other";
}

// Known subgroups come in anatomical order; anything else follows by name.
int subgroup_rank(StructureKind kind, const std::string& label) {
  static const char* compartments[] = {"posterior superficial", "posterior deep", "anterior", "lateral"};
  static const char* regions[] = {"thigh", "knee", "leg", "ankle", "foot", "whole limb"};
  std::string folded = label;
  std::transform(folded.begin(), folded.end(), folded.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (kind == StructureKind::muscle) {
    for (int i = 0; i < 4; ++i)
      if (folded == compartments[i]) return i;
  } else {
    for (int i = 0; i < 6; ++i)
      if (folded == regions[i]) return i;
  }
  return 100;
}

// Stored colours are linear; the swatch is drawn as sRGB like the 3D view.
ImVec4 swatch_colour(const glm::vec4& c) {
  auto to_srgb = [](float v) { return std::pow(std::clamp(v, 0.0f, 1.0f), 1.0f / 2.2f); };
  return ImVec4(to_srgb(c.r), to_srgb(c.g), to_srgb(c.b), 1.0f);
}

bool is_peeled(const ViewerContext& ctx, int i) {
  int peel = ctx.document->state().peel_layer;
  auto u = static_cast<std::size_t>(i);
  return peel > 0 && u < ctx.layers.size() && ctx.layers[u] > 0 && ctx.layers[u] <= peel;
}

Visibility visibility_of(const ViewerContext& ctx, int i) {
  const auto& v = ctx.document->state().visibility;
  auto u = static_cast<std::size_t>(i);
  return u < v.size() ? v[u] : Visibility::hidden;
}

const char* action_verb(VisibilityAction action) {
  switch (action) {
    case VisibilityAction::show: return "Show";
    case VisibilityAction::hide: return "Hide";
    case VisibilityAction::ghost: return "Ghost";
    case VisibilityAction::isolate: return "Isolate";
  }
  return "";
}

StructureBrowser::ScreenRect last_item_rect() {
  ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  return {a.x, a.y, b.x, b.y};
}

// The four group operations as menu items; returns the one chosen.
bool action_menu_items(VisibilityAction& chosen, const char* suffix,
                       std::map<std::string, StructureBrowser::ScreenRect>& targets) {
  bool any = false;
  for (VisibilityAction a :
       {VisibilityAction::show, VisibilityAction::hide, VisibilityAction::ghost, VisibilityAction::isolate}) {
    std::string label = std::string(action_verb(a)) + suffix;
    bool clicked = ImGui::MenuItem(label.c_str());
    targets["menu:" + label] = last_item_rect();
    if (clicked) {
      chosen = a;
      any = true;
    }
  }
  return any;
}

} // namespace

std::vector<StructureGroup> StructureBrowser::build_tree(const ViewerContext& ctx) {
  std::vector<StructureGroup> tree;
  if (!ctx.scene) return tree;
  const StructureKind kinds[] = {StructureKind::bone,  StructureKind::muscle, StructureKind::tendon, StructureKind::ligament,
                                 StructureKind::nerve, StructureKind::skin,   StructureKind::other};
  for (StructureKind kind : kinds) {
    StructureGroup group;
    group.label = kind_label(kind);
    std::map<std::pair<int, std::string>, std::vector<int>> subgroups; // (rank, label) -> members
    for (std::size_t i = 0; i < ctx.scene->structures.size(); ++i) {
      if (ctx.scene->structures[i].kind != kind) continue;
      int index = static_cast<int>(i);
      group.members.push_back(index);
      std::string sub;
      if (const KnowledgeEntry* k = entry_at(ctx, index)) {
        if (kind == StructureKind::muscle) sub = k->compartment.value_or("");
        else sub = k->region;
      }
      if (sub.empty()) group.loose.push_back(index);
      else subgroups[{subgroup_rank(kind, sub), capitalised(sub)}].push_back(index);
    }
    if (group.members.empty()) continue;
    // A single subgroup holding everything adds a level and tells nothing.
    if (subgroups.size() == 1 && group.loose.empty()) {
      group.loose = group.members;
      subgroups.clear();
    }
    for (auto& [key, members] : subgroups) group.subgroups.push_back(StructureGroup{key.second, members, {}, members});
    tree.push_back(std::move(group));
  }
  return tree;
}

std::vector<int> StructureBrowser::group_members(const ViewerContext& ctx, const std::string& path) {
  auto slash = path.find('/');
  std::string top = path.substr(0, slash);
  for (const StructureGroup& g : build_tree(ctx)) {
    if (g.label != top) continue;
    if (slash == std::string::npos) return g.members;
    std::string sub = path.substr(slash + 1);
    for (const StructureGroup& s : g.subgroups)
      if (s.label == sub) return s.members;
  }
  return {};
}

void StructureBrowser::apply_action(ViewerContext& ctx, const std::vector<int>& members, VisibilityAction action,
                                    const std::string& what) {
  if (!ctx.document || members.empty()) return;
  std::string name = std::string(action_verb(action)) + (what.empty() ? "" : " " + what);
  switch (action) {
    case VisibilityAction::show: ctx.document->set_visibility(members, Visibility::shown, name); break;
    case VisibilityAction::hide: ctx.document->set_visibility(members, Visibility::hidden, name); break;
    case VisibilityAction::ghost: ctx.document->set_visibility(members, Visibility::ghosted, name); break;
    case VisibilityAction::isolate: ctx.document->isolate(members); break;
  }
}

bool StructureBrowser::apply_group_action(ViewerContext& ctx, const std::string& path, VisibilityAction action) {
  std::vector<int> members = group_members(ctx, path);
  if (members.empty()) return false;
  std::string what = path;
  std::replace(what.begin(), what.end(), '/', ' ');
  std::transform(what.begin(), what.end(), what.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  apply_action(ctx, members, action, what);
  return true;
}

int StructureBrowser::max_layer(const ViewerContext& ctx) {
  int deepest = 0;
  for (int l : ctx.layers) deepest = std::max(deepest, l);
  return deepest;
}

std::string StructureBrowser::layer_name(const ViewerContext& ctx, int layer) {
  if (layer <= 0) return "nothing";
  // Muscle layers are named by depth among the layers that hold muscles.
  std::vector<int> muscle_layers;
  bool kinds[7] = {};
  for (std::size_t i = 0; i < ctx.layers.size(); ++i) {
    const SceneStructure* s = structure_at(ctx, static_cast<int>(i));
    if (!s) break;
    if (s->kind == StructureKind::muscle && ctx.layers[i] > 0) muscle_layers.push_back(ctx.layers[i]);
    if (ctx.layers[i] == layer) kinds[static_cast<int>(s->kind)] = true;
  }
  std::sort(muscle_layers.begin(), muscle_layers.end());
  muscle_layers.erase(std::unique(muscle_layers.begin(), muscle_layers.end()), muscle_layers.end());
  if (kinds[static_cast<int>(StructureKind::muscle)]) {
    if (muscle_layers.size() == 1) return "muscles";
    if (layer == muscle_layers.front()) return "superficial muscles";
    if (layer == muscle_layers.back()) return "deep muscles";
    return "middle muscles";
  }
  std::string name;
  const std::pair<StructureKind, const char*> words[] = {{StructureKind::skin, "skin"},
                                                         {StructureKind::tendon, "tendons"},
                                                         {StructureKind::ligament, "ligaments"},
                                                         {StructureKind::nerve, "nerves"},
                                                         {StructureKind::bone, "bones"}};
  for (auto [kind, word] : words) {
    if (!kinds[static_cast<int>(kind)]) continue;
    name += (name.empty() ? "" : " and ") + std::string(word);
  }
  return name.empty() ? "layer " + std::to_string(layer) : name;
}

std::string StructureBrowser::peel_description(const ViewerContext& ctx, int layer) {
  if (layer <= 0) return "nothing";
  std::string text;
  for (int l = 1; l <= layer; ++l) {
    std::string name = layer_name(ctx, l);
    if (text.find(name) != std::string::npos) continue;
    text += (text.empty() ? "" : ", ") + name;
  }
  return text;
}

void StructureBrowser::set_peel(ViewerContext& ctx, int layer) {
  if (!ctx.document) return;
  layer = std::clamp(layer, 0, std::max(0, max_layer(ctx)));
  if (layer != ctx.document->state().peel_layer) ctx.document->set_peel_layer(layer);
}

void StructureBrowser::draw_toolbar(ViewerContext& ctx) {
  if (ImGui::Button("Show all")) ctx.document->show_all();
  targets_["show all"] = last_item_rect();
  same_line_if_fits("Hide all"); // big text in a narrow panel: the button goes below
  const bool hide = ImGui::Button("Hide all");
  targets_["hide all"] = last_item_rect();
  if (hide && ctx.scene) {
    std::vector<int> all(ctx.scene->structures.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
    apply_action(ctx, all, VisibilityAction::hide, "all");
  }

  int deepest = max_layer(ctx);
  if (deepest <= 0) {
    ImGui::TextDisabled("Peel layers: no layer data");
    return;
  }
  // The slider edits a local value; the document changes once, on release.
  if (!peel_editing_) peel_value_ = std::min(ctx.document->state().peel_layer, deepest);
  std::string format = peel_value_ == 0 ? std::string("0: none") : "%d: " + layer_name(ctx, peel_value_);
  // The label above the slider leaves the whole width to the slider, which
  // matters with projector-sized fonts.
  ImGui::TextWrapped("Peel layers, skin first");
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::SliderInt("##peel", &peel_value_, 0, deepest, format.c_str(), ImGuiSliderFlags_AlwaysClamp);
  peel_editing_ = ImGui::IsItemActive();
  peel_slider_rect_ = last_item_rect();
  if (ImGui::IsItemDeactivatedAfterEdit()) set_peel(ctx, peel_value_);
  ImGui::TextDisabled("Peeled away:");
  // Beside the label when its first word fits there, otherwise on the line
  // below: with projector-sized text in a narrow panel the space left of the
  // label wrapped "nothing" letter by letter.
  const std::string peeled = peel_description(ctx, peel_value_);
  const float label_end = ImGui::GetItemRectSize().x + ImGui::GetStyle().ItemSpacing.x;
  const std::string first_word = peeled.substr(0, peeled.find(' '));
  if (ImGui::CalcTextSize(first_word.c_str()).x <= ImGui::GetContentRegionAvail().x - label_end) ImGui::SameLine();
  ImGui::TextWrapped("%s", peeled.c_str());
  targets_["peeled away"] = last_item_rect();
}

bool StructureBrowser::group_contains_scroll_target(const StructureGroup& group) const {
  return scroll_to_ >= 0 && std::find(group.members.begin(), group.members.end(), scroll_to_) != group.members.end();
}

void StructureBrowser::draw_item(ViewerContext& ctx, int index) {
  const SceneStructure* s = structure_at(ctx, index);
  if (!s) return;
  Document& doc = *ctx.document;
  ImGui::PushID(index);
  Visibility vis = visibility_of(ctx, index);
  bool visible = vis != Visibility::hidden;
  if (ImGui::Checkbox("##visible", &visible))
    ctx.document->set_visibility({index}, visible ? Visibility::shown : Visibility::hidden);
  ImGui::SameLine();
  float swatch = ImGui::GetFrameHeight(); // as tall as the check box, so the row stays aligned
  ImGui::ColorButton("##colour", swatch_colour(s->colour), ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoAlpha,
                     ImVec2(swatch, swatch));
  ImGui::SameLine();

  std::string label = display_name(ctx, index);
  bool dim = vis != Visibility::shown || is_peeled(ctx, index);
  if (vis == Visibility::ghosted) label += "  (ghost)";
  else if (vis == Visibility::hidden) label += "  (hidden)";
  if (vis != Visibility::hidden && is_peeled(ctx, index)) label += "  (peeled)";
  label += "###name"; // the same id whatever the suffix says
  if (dim) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  bool selected = doc.state().selected == index;
  if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_AllowDoubleClick)) {
    if (!selected) doc.select(index);
    last_selected_ = doc.state().selected; // our own change: no scrolling
    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) ctx.frame_request = index;
  }
  if (dim) ImGui::PopStyleColor();
  item_rects_[index] = last_item_rect();
  if (scroll_to_ == index) {
    ImGui::SetScrollHereY(0.5f);
    scroll_to_ = -1;
  }
  if (ImGui::BeginPopupContextItem("##item_menu")) {
    ImGui::TextDisabled("%s", display_name(ctx, index).c_str());
    ImGui::Separator();
    auto item = [&](const char* label, const char* keys, bool selected, bool enabled) {
      bool clicked = ImGui::MenuItem(label, keys, selected, enabled);
      targets_[std::string("menu:") + label] = last_item_rect();
      return clicked;
    };
    bool pinned = doc.state().pinned.count(index) > 0;
    if (item("Show", nullptr, false, vis != Visibility::shown)) doc.set_visibility({index}, Visibility::shown);
    if (item("Hide", "H", false, vis != Visibility::hidden)) doc.set_visibility({index}, Visibility::hidden);
    if (item("Ghost", "G", false, vis != Visibility::ghosted)) doc.set_visibility({index}, Visibility::ghosted);
    if (item("Isolate", "I", false, true)) doc.isolate({index});
    if (item("Frame", "F", false, true)) ctx.frame_request = index;
    if (item("Pin label", "P", pinned, true)) doc.set_pinned(index, !pinned);
    ImGui::EndPopup();
  }
  ImGui::PopID();
}

void StructureBrowser::draw_group(ViewerContext& ctx, const StructureGroup& group, const std::string& path) {
  ImGui::PushID(path.c_str());
  // Group check box: checked when every member is visible, mixed when some are.
  std::size_t visible = 0;
  for (int i : group.members) visible += visibility_of(ctx, i) != Visibility::hidden ? 1 : 0;
  bool all = visible == group.members.size();
  bool mixed = visible > 0 && !all;
  bool checked = all;
  if (mixed) ImGui::PushItemFlag(ImGuiItemFlags_MixedValue, true);
  if (ImGui::Checkbox("##group_visible", &checked))
    apply_action(ctx, group.members, all ? VisibilityAction::hide : VisibilityAction::show, path);
  targets_["check:" + path] = last_item_rect();
  if (mixed) ImGui::PopItemFlag();
  if (ImGui::IsItemHovered()) wrapped_tooltip(all ? "Hide the whole group" : "Show the whole group");
  ImGui::SameLine();

  if (group_contains_scroll_target(group)) ImGui::SetNextItemOpen(true, ImGuiCond_Always);
  std::string label = group.label + " (" + std::to_string(group.members.size()) + ")###node";
  // Kinds start open, and so do the muscle compartments; the many foot bones do not.
  bool default_open = path.find('/') == std::string::npos || path.rfind("Muscles/", 0) == 0;
  ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_OpenOnArrow | ImGuiTreeNodeFlags_OpenOnDoubleClick;
  if (default_open) flags |= ImGuiTreeNodeFlags_DefaultOpen;
  bool open = ImGui::TreeNodeEx(label.c_str(), flags);
  targets_["group:" + path] = last_item_rect();
  if (ImGui::BeginPopupContextItem("##group_menu")) {
    ImGui::TextDisabled("%s", path.c_str());
    ImGui::Separator();
    VisibilityAction chosen{};
    if (action_menu_items(chosen, " group", targets_)) apply_action(ctx, group.members, chosen, path);
    ImGui::EndPopup();
  }
  if (open) {
    for (const StructureGroup& sub : group.subgroups) draw_group(ctx, sub, path + "/" + sub.label);
    for (int i : group.loose) draw_item(ctx, i);
    ImGui::TreePop();
  }
  ImGui::PopID();
}

void StructureBrowser::draw(ViewerContext& ctx) {
  item_rects_.clear();
  targets_.clear();
  peel_slider_rect_ = {};
  if (!ctx.document || !ctx.scene) {
    ImGui::TextDisabled("No atlas loaded.");
    return;
  }
  int selected = ctx.document->state().selected;
  if (selected != last_selected_) {
    scroll_to_ = selected; // changed elsewhere (3D view, search, undo): bring it into view
    last_selected_ = selected;
  }
  draw_toolbar(ctx);
  ImGui::Separator();
  if (ctx.scene->structures.empty()) {
    ImGui::TextDisabled("The atlas holds no structures.");
    return;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("Right-click a name or a group for more.");
  ImGui::PopStyleColor();
  if (ImGui::BeginChild("##tree", ImVec2(0.0f, 0.0f), false, ImGuiWindowFlags_HorizontalScrollbar)) {
    for (const StructureGroup& group : build_tree(ctx)) draw_group(ctx, group, group.label);
  }
  ImGui::EndChild();
}

} // namespace crus::ui
