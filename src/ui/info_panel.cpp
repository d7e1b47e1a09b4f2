#include "ui/info_panel.hpp"

#include "ui/info_motion.hpp"
#include "ui/wrapped_button.hpp"

#include "core/document/highlights.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>

namespace crus::ui {

namespace {

const ImVec4 kHeading{1.00f, 0.82f, 0.45f, 1.0f};
const ImVec4 kLink{0.45f, 0.75f, 1.00f, 1.0f};
const ImVec4 kDisagreement{0.95f, 0.60f, 0.95f, 1.0f}; // apart from the orange and blue of the highlights
const ImVec4 kProblem{1.00f, 0.70f, 0.30f, 1.0f};

ImVec4 to_imvec(const glm::vec3& c) { return ImVec4(c.r, c.g, c.b, 1.0f); }

// The legend colour of each toggle. The nerve glow is an additive tint, so
// its swatch is the same hue at full brightness.
ImVec4 legend_colour(HighlightToggle which) {
  HighlightPalette p;
  switch (which) {
    case HighlightToggle::origin: return to_imvec(p.origin);
    case HighlightToggle::insertion: return to_imvec(p.insertion);
    case HighlightToggle::innervation: {
      float m = std::max({p.nerve_glow.r, p.nerve_glow.g, p.nerve_glow.b, 1e-3f});
      return to_imvec(p.nerve_glow / m);
    }
    case HighlightToggle::function: return to_imvec(p.arrow);
  }
  return ImVec4(1, 1, 1, 1);
}

const char* toggle_tooltip(HighlightToggle which) {
  switch (which) {
    case HighlightToggle::origin: return "Light up where it starts (orange patches on the bone)";
    case HighlightToggle::insertion: return "Light up where it ends (blue patches on the bone)";
    case HighlightToggle::innervation: return "Light up its nerve from the sciatic nerve down (yellow)";
    case HighlightToggle::function: return "Show arrows along its line of pull (green)";
  }
  return "";
}

const char* toggle_name(HighlightToggle which) {
  switch (which) {
    case HighlightToggle::origin: return "origin";
    case HighlightToggle::insertion: return "insertion";
    case HighlightToggle::innervation: return "innervation";
    case HighlightToggle::function: break;
  }
  return "function";
}

bool& flag_of(Highlights& h, HighlightToggle which) {
  switch (which) {
    case HighlightToggle::origin: return h.origin;
    case HighlightToggle::insertion: return h.insertion;
    case HighlightToggle::innervation: return h.innervation;
    case HighlightToggle::function: break;
  }
  return h.function;
}

std::string capitalised(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

// "medial_malleolus" -> "Medial malleolus", for ids with no name anywhere.
std::string humanised(const std::string& id) {
  std::string text = id;
  std::replace(text.begin(), text.end(), '_', ' ');
  return capitalised(text);
}

std::string joined(const std::vector<std::string>& items, const char* separator = ", ") {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : separator) + item;
  return text;
}

std::string name_of(const ViewerContext& ctx, const std::string& id) {
  if (ctx.knowledge)
    if (const KnowledgeEntry* k = ctx.knowledge->find(id); k && !k->name.empty()) return k->name;
  if (ctx.scene)
    if (const SceneStructure* s = ctx.scene->find(id); s && !s->name.empty()) return s->name;
  // Landmarks have their written names in the manifest ("Gerdy's tubercle").
  if (ctx.scene && ctx.scene->manifest)
    if (const Landmark* l = ctx.scene->manifest->find_landmark(id); l && !l->name.empty()) return capitalised(l->name);
  return humanised(id);
}

void wrapped(const std::string& text) { ImGui::TextWrapped("%s", text.c_str()); }

void wrapped_coloured(const ImVec4& colour, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  wrapped(text);
  ImGui::PopStyleColor();
}

void bullet_wrapped(const std::string& text) {
  ImGui::Bullet();
  wrapped(text);
}

// "Label: value" with the label dimmed, wrapping the value.
void field(const char* label, const std::string& value) {
  if (value.empty()) return;
  ImGui::TextDisabled("%s", label);
  // Beside the label only when a few words fit there: a narrow panel at
  // projector text sizes would otherwise break the value letter by letter.
  const float beside = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(label).x - ImGui::GetStyle().ItemSpacing.x;
  if (beside > ImGui::GetFontSize() * 9.0f) ImGui::SameLine();
  else ImGui::Indent();
  wrapped(value);
  if (beside <= ImGui::GetFontSize() * 9.0f) ImGui::Unindent();
}

// Which muscle a site belongs to and whether it is an origin, from the atlas
// manifest or, without one, from the "<muscle>_origin" naming rule.
std::pair<std::string, bool> site_owner(const ViewerContext& ctx, const std::string& site) {
  if (ctx.scene && ctx.scene->manifest)
    if (const auto parts = ctx.scene->manifest->attachment(site); !parts.empty())
      return {parts.front()->muscle, parts.front()->role == SiteRole::origin};
  for (const char* suffix : {"_origin", "_insertion"}) {
    std::string sfx = suffix;
    if (site.size() > sfx.size() && site.compare(site.size() - sfx.size(), sfx.size(), sfx) == 0)
      return {site.substr(0, site.size() - sfx.size()), sfx == "_origin"};
  }
  return {site, true};
}

} // namespace

bool InfoPanel::is_on(const ViewerContext& ctx, HighlightToggle which) {
  if (!ctx.document) return false;
  Highlights h = ctx.document->state().highlights;
  return flag_of(h, which);
}

void InfoPanel::toggle(ViewerContext& ctx, HighlightToggle which) {
  if (!ctx.document) return;
  Highlights h = ctx.document->state().highlights;
  bool& flag = flag_of(h, which);
  flag = !flag;
  ctx.document->set_highlights(h);
}

void InfoPanel::highlight_all(ViewerContext& ctx) {
  if (ctx.document) ctx.document->set_highlights(Highlights{true, true, true, true});
}

void InfoPanel::clear_highlights(ViewerContext& ctx) {
  if (ctx.document) ctx.document->set_highlights(Highlights{});
}

bool InfoPanel::select_id(ViewerContext& ctx, const std::string& id) {
  int index = ctx.scene ? ctx.scene->index_of(id) : -1;
  if (index < 0 || !ctx.document) return false;
  ctx.document->select(index);
  return true;
}

void InfoPanel::add_target(const std::string& what) {
  ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  targets_.push_back({what, a.x, a.y, b.x, b.y});
}

const InfoPanel::ClickTarget* InfoPanel::find_target(const std::string& what) const {
  for (const auto& t : targets_)
    if (t.what == what) return &t;
  return nullptr;
}

bool InfoPanel::link(ViewerContext& ctx, const std::string& id, const std::string& text) {
  if (!ctx.scene || ctx.scene->index_of(id) < 0) {
    ImGui::TextUnformatted(text.c_str()); // not in this atlas: nothing to select
    return false;
  }
  ImGui::PushID(id.c_str());
  ImGui::PushStyleColor(ImGuiCol_Text, kLink);
  ImVec2 size = ImGui::CalcTextSize(text.c_str());
  bool clicked = false;
  if (size.x <= ImGui::GetContentRegionAvail().x) {
    clicked = ImGui::Selectable(text.c_str(), false, 0, size);
  } else {
    // Too long for one line (large fonts): wrapped text that still clicks.
    ImGui::TextWrapped("%s", text.c_str());
    clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
  }
  ImGui::PopStyleColor();
  if (ImGui::IsItemHovered()) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    wrapped_tooltip("Select " + name_of(ctx, id));
  }
  add_target("link:" + id);
  ImGui::PopID();
  if (clicked) select_id(ctx, id);
  return clicked;
}

void InfoPanel::link_list(ViewerContext& ctx, const std::vector<std::string>& ids) {
  float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    std::string text = name_of(ctx, ids[i]) + (i + 1 < ids.size() ? "," : "");
    if (i > 0) {
      float needed = ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize(text.c_str()).x;
      if (ImGui::GetItemRectMax().x + needed <= right) ImGui::SameLine();
    }
    link(ctx, ids[i], text);
  }
}

bool InfoPanel::section(ViewerContext& ctx, const char* label, bool default_open, const HighlightToggle* which) {
  ImGuiTreeNodeFlags flags = default_open ? ImGuiTreeNodeFlags_DefaultOpen : 0;
  if (which) flags |= ImGuiTreeNodeFlags_AllowItemOverlap;
  // The toggle sits at the right end of the header (swatch, then check box)
  // where the label fits beside it, and on a line of its own under the
  // header where it does not: with 30 px text in a narrow panel it was
  // drawn over "Origin".
  const ImGuiStyle& style = ImGui::GetStyle();
  const char* text = "in 3D";
  const float swatch = ImGui::GetFrameHeight(); // the check box's size keeps the row aligned
  const float width =
      swatch + style.ItemSpacing.x + ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(text).x;
  const float label_room = ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() - 4.0f * style.FramePadding.x;
  const bool beside = which && ImGui::CalcTextSize(label).x <= label_room - width - style.ItemSpacing.x;
  bool open = wrapped_header(label, flags);
  add_target(std::string("section:") + label);
  if (which) {
    const float right = ImGui::GetWindowContentRegionMax().x - width - style.FramePadding.x;
    if (beside) ImGui::SameLine(std::max(ImGui::GetCursorPosX(), right));
    else ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), right));
    ImGui::PushID(label);
    ImGui::ColorButton("##legend", legend_colour(*which), ImGuiColorEditFlags_NoTooltip, ImVec2(swatch, swatch));
    ImGui::SameLine();
    bool on = is_on(ctx, *which);
    if (ImGui::Checkbox(text, &on)) toggle(ctx, *which);
    add_target(std::string("toggle:") + toggle_name(*which));
    if (ImGui::IsItemHovered()) wrapped_tooltip(toggle_tooltip(*which));
    ImGui::PopID();
  }
  return open;
}

void InfoPanel::draw_highlight_bar(ViewerContext& ctx, const KnowledgeEntry& entry) {
  bool any = !entry.origin.empty() || !entry.insertion.empty() || entry.innervation || !entry.actions.empty();
  if (!any) return;
  ImGui::Spacing();
  wrapped_dim("On the model:");
  // With large fonts the buttons go to the next line rather than off the
  // edge, and a button wider than the panel wraps its label.
  same_line_if_fits("Highlight all");
  if (wrapped_button("Highlight all")) highlight_all(ctx);
  add_target("button:highlight_all");
  same_line_if_fits("Clear highlights");
  if (wrapped_button("Clear highlights")) clear_highlights(ctx);
  add_target("button:clear_highlights");
}

void InfoPanel::draw_sources(ViewerContext& ctx, const KnowledgeEntry& entry) {
  // One line per source, naming the sections it supports.
  std::vector<std::pair<std::string, std::vector<std::string>>> by_key;
  for (const auto& [section_name, keys] : entry.sources)
    for (const auto& key : keys) {
      auto it = std::find_if(by_key.begin(), by_key.end(), [&](const auto& p) { return p.first == key; });
      if (it == by_key.end()) by_key.push_back({key, {humanised(section_name)}});
      else it->second.push_back(humanised(section_name));
    }
  if (by_key.empty()) {
    wrapped_dim("No sources are listed for this entry.");
    return;
  }
  for (const auto& [key, sections] : by_key) {
    const SourceInfo* source = ctx.knowledge ? ctx.knowledge->find_source(key) : nullptr;
    ImGui::Bullet();
    if (source) {
      wrapped(source->citation);
      ImGui::Indent();
      if (source->url) wrapped_dim(*source->url);
    } else {
      wrapped_coloured(kProblem, key + " (no citation found for this key)");
      ImGui::Indent();
    }
    wrapped_dim("For: " + joined(sections));
    ImGui::Unindent();
  }
}

void InfoPanel::draw_entry(ViewerContext& ctx, int index, const KnowledgeEntry& entry) {
  const SceneStructure& s = ctx.scene->structures[static_cast<std::size_t>(index)];
  ImGui::SetWindowFontScale(1.3f);
  wrapped_coloured(kHeading, entry.name.empty() ? s.name : entry.name);
  ImGui::SetWindowFontScale(1.0f);
  if (!entry.latin.empty()) wrapped_dim(entry.latin);
  if (!entry.synonyms.empty()) field("Also called:", joined(entry.synonyms));
  std::string kind = capitalised(entry.kind.empty() ? to_string(s.kind) : entry.kind);
  if (entry.compartment) kind += ", " + *entry.compartment + " compartment";
  else if (!entry.region.empty()) kind += ", " + entry.region;
  if (entry.layer > 0) kind += ", layer " + std::to_string(entry.layer) + " (1 is the skin)";
  wrapped_dim(kind);
  if (!entry.description.empty()) {
    ImGui::Spacing();
    wrapped(entry.description);
  }
  draw_highlight_bar(ctx, entry);

  const HighlightToggle origin = HighlightToggle::origin, insertion = HighlightToggle::insertion,
                        innervation = HighlightToggle::innervation, function = HighlightToggle::function;
  if (!entry.origin.empty() && section(ctx, "Origin", true, &origin))
    for (const auto& a : entry.origin) bullet_wrapped(a.text);
  if (!entry.insertion.empty() && section(ctx, "Insertion", true, &insertion))
    for (const auto& a : entry.insertion) bullet_wrapped(a.text);
  if (entry.innervation && section(ctx, "Innervation", true, &innervation)) {
    const Innervation& n = *entry.innervation;
    ImGui::TextDisabled("Nerve:");
    ImGui::SameLine();
    link(ctx, n.nerve, name_of(ctx, n.nerve));
    if (ctx.knowledge) {
      std::vector<std::string> path;
      for (const auto& id : nerve_path(*ctx.knowledge, n.nerve)) path.push_back(name_of(ctx, id));
      if (path.size() > 1) field("Path:", joined(path, " > "));
    }
    field("Roots:", joined(n.roots));
    wrapped(n.text);
    if (n.disagreement) wrapped_coloured(kDisagreement, "Sources differ: " + *n.disagreement);
  }
  if (!entry.actions.empty() && section(ctx, "Function", true, &function)) {
    std::vector<std::string> joints; // in the order the entry gives them
    for (const auto& a : entry.actions)
      if (std::find(joints.begin(), joints.end(), a.joint) == joints.end()) joints.push_back(a.joint);
    for (const auto& joint : joints) {
      wrapped_coloured(kHeading, capitalised(joint));
      ImGui::Indent();
      for (const auto& a : entry.actions) {
        if (a.joint != joint) continue;
        // Play beside each action the leg model can make; a bullet otherwise.
        if (auto movement = draw_play_action_button(ctx, a)) {
          add_target("button:play_action:" + *movement);
          ImGui::SameLine();
        } else {
          ImGui::Bullet();
        }
        if (a.role == "primary") wrapped(capitalised(a.movement) + " (primary)");
        else wrapped_dim(capitalised(a.movement) + " (" + (a.role.empty() ? "secondary" : a.role) + ")");
        if (a.note) {
          ImGui::Indent();
          wrapped_dim(*a.note);
          ImGui::Unindent();
        }
      }
      ImGui::Unindent();
    }
    // Live at the pose shown: length, change from neutral, moment arms.
    if (index >= 0 && ctx.scene && static_cast<std::size_t>(index) < ctx.scene->structures.size()) {
      ImGui::Spacing();
      draw_muscle_at_pose(ctx, ctx.scene->structures[static_cast<std::size_t>(index)].id);
    }
  }

  // Bones: landmarks and what attaches to them.
  if (!entry.landmarks.empty() && section(ctx, "Landmarks", true)) {
    for (const auto& l : entry.landmarks) {
      const Landmark* m = (ctx.scene->manifest) ? ctx.scene->manifest->find_landmark(l.id) : nullptr;
      wrapped_coloured(kHeading, m && !m->name.empty() ? m->name : humanised(l.id));
      ImGui::Indent();
      wrapped(l.text);
      ImGui::Unindent();
    }
  }
  if (!entry.attachments.empty() && section(ctx, "What attaches here", true)) {
    std::vector<std::string> origins, insertions;
    for (const auto& site : entry.attachments) {
      auto [muscle, is_origin] = site_owner(ctx, site);
      auto& list = is_origin ? origins : insertions;
      if (std::find(list.begin(), list.end(), muscle) == list.end()) list.push_back(muscle);
    }
    if (!origins.empty()) {
      ImGui::TextDisabled("Origin of:");
      link_list(ctx, origins);
    }
    if (!insertions.empty()) {
      ImGui::TextDisabled("Insertion of:");
      link_list(ctx, insertions);
    }
  }

  // Nerves: roots, branches, what they supply.
  if (entry.kind == "nerve" || !entry.roots.empty() || !entry.supplies.empty()) {
    if (section(ctx, "Roots and course", true)) {
      field("Roots:", joined(entry.roots));
      if (entry.branch_of) {
        ImGui::TextDisabled("Branch of:");
        ImGui::SameLine();
        link(ctx, *entry.branch_of, name_of(ctx, *entry.branch_of));
      }
      if (entry.course) wrapped(*entry.course);
    }
    if (!entry.supplies.empty() && section(ctx, "Supplies", true)) link_list(ctx, entry.supplies);
    if (entry.sensory && section(ctx, "Sensory area", true)) wrapped(*entry.sensory);
  }

  // Tendons: the muscles that form them.
  if (!entry.muscles.empty() && section(ctx, "Muscles", true)) link_list(ctx, entry.muscles);

  // Skin: dermatomes and cutaneous nerves.
  if (!entry.dermatomes.empty() && section(ctx, "Dermatomes", true)) {
    for (const auto& d : entry.dermatomes) {
      ImGui::TextColored(kHeading, "%s", d.root.c_str());
      ImGui::SameLine();
      wrapped(d.text);
    }
  }
  if (!entry.cutaneous_nerves.empty() && section(ctx, "Cutaneous nerves", true)) {
    for (const auto& c : entry.cutaneous_nerves) {
      if (c.nerve) link(ctx, *c.nerve, c.name);
      else wrapped_coloured(kHeading, c.name);
      ImGui::Indent();
      wrapped(c.text);
      ImGui::Unindent();
    }
  }

  if (entry.arterial_supply && section(ctx, "Blood supply", false)) wrapped(*entry.arterial_supply);
  if (entry.fibre_types && section(ctx, "Fibre types", false)) wrapped(*entry.fibre_types);
  if (entry.variation && section(ctx, "Variation", false)) wrapped(*entry.variation);
  if (!entry.clinical.empty() && section(ctx, "Clinical notes", false)) {
    for (const auto& c : entry.clinical) {
      wrapped_coloured(kHeading, c.title);
      wrapped(c.text);
      ImGui::Spacing();
    }
  }
  if (entry.patient_summary && section(ctx, "In plain words", false)) wrapped(*entry.patient_summary);
  if ((!entry.synergists.empty() || !entry.antagonists.empty()) && section(ctx, "Synergists and antagonists", false)) {
    if (!entry.synergists.empty()) {
      ImGui::TextDisabled("Work with it:");
      link_list(ctx, entry.synergists);
    }
    if (!entry.antagonists.empty()) {
      ImGui::TextDisabled("Work against it:");
      link_list(ctx, entry.antagonists);
    }
  }
  if (section(ctx, "Sources", false)) draw_sources(ctx, entry);
}

void InfoPanel::draw_missing(ViewerContext& ctx, int index) {
  const SceneStructure& s = ctx.scene->structures[static_cast<std::size_t>(index)];
  ImGui::SetWindowFontScale(1.3f);
  wrapped_coloured(kHeading, s.name.empty() ? s.id : s.name);
  ImGui::SetWindowFontScale(1.0f);
  wrapped_dim(capitalised(to_string(s.kind)));
  ImGui::Spacing();
  wrapped("No knowledge entry for " + s.id);
  if (!ctx.knowledge_problems.empty()) {
    ImGui::Spacing();
    ImGui::Separator();
    wrapped_coloured(kProblem, "Some knowledge could not be loaded:");
    constexpr std::size_t kShown = 30;
    for (std::size_t i = 0; i < ctx.knowledge_problems.size() && i < kShown; ++i) bullet_wrapped(ctx.knowledge_problems[i]);
    if (ctx.knowledge_problems.size() > kShown)
      wrapped_dim("... and " + std::to_string(ctx.knowledge_problems.size() - kShown) + " more (File > Problems).");
    ImGui::Separator();
  }
}

void InfoPanel::draw(ViewerContext& ctx) {
  targets_.clear();
  int selected = ctx.document ? ctx.document->state().selected : -1;
  if (selected != last_selected_) {
    ImGui::SetScrollY(0.0f); // a new structure reads from the top
    last_selected_ = selected;
  }
  if (!ctx.scene || selected < 0 || static_cast<std::size_t>(selected) >= ctx.scene->structures.size()) {
    wrapped("Select a structure (click it, or search).");
    if (!ctx.knowledge_problems.empty())
      wrapped_coloured(kProblem, "Some knowledge could not be loaded; File > Problems lists what.");
    return;
  }
  const SceneStructure& s = ctx.scene->structures[static_cast<std::size_t>(selected)];
  const KnowledgeEntry* entry = ctx.knowledge ? ctx.knowledge->find(s.id) : nullptr;
  if (entry) draw_entry(ctx, selected, *entry);
  else draw_missing(ctx, selected);
}

} // namespace crus::ui
