#include "ui/trigger_point_panel.hpp"

#include "ui/wrapped_button.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>

namespace crus::ui {

namespace {

std::string pretty(std::string id) {
  std::replace(id.begin(), id.end(), '_', ' ');
  if (!id.empty()) id[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(id[0])));
  return id;
}

std::string group_of(const TriggerPoint& tp) { return tp.group.empty() ? tp.muscle : tp.group; }

std::string muscle_name(const ViewerContext& ctx, const std::string& id) {
  if (ctx.knowledge)
    if (const KnowledgeEntry* e = ctx.knowledge->find(id)) return e->name;
  if (ctx.scene) {
    int i = ctx.scene->index_of(id);
    if (i >= 0) return ctx.scene->structures[static_cast<std::size_t>(i)].name;
  }
  return pretty(id);
}

void bullets(const std::vector<std::string>& items) {
  for (const auto& item : items) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", item.c_str());
  }
}

std::vector<std::string> regions(const ReferralZone& zone) {
  std::vector<std::string> out;
  for (const auto& s : zone.shapes)
    if (!s.region.empty() && std::find(out.begin(), out.end(), s.region) == out.end()) out.push_back(s.region);
  return out;
}

} // namespace

std::vector<TriggerPointMuscle> TriggerPointPanel::muscles(const ViewerContext& ctx) {
  std::vector<TriggerPointMuscle> out;
  if (!ctx.trigger_points) return out;
  // Groups first (a group with several muscles is what people name: "the
  // gastrocnemius"), then the single muscles of those groups.
  std::vector<std::string> groups;
  std::map<std::string, std::vector<std::string>> members;
  for (const auto& tp : ctx.trigger_points->trigger_points) {
    std::string g = group_of(tp);
    if (std::find(groups.begin(), groups.end(), g) == groups.end()) groups.push_back(g);
    auto& m = members[g];
    if (std::find(m.begin(), m.end(), tp.muscle) == m.end()) m.push_back(tp.muscle);
  }
  for (const auto& g : groups) {
    const auto& m = members[g];
    bool is_group = m.size() > 1 || m.front() != g;
    std::string name = muscle_name(ctx, g);
    if (is_group) {
      bool heads = std::all_of(m.begin(), m.end(), [](const std::string& id) { return id.find("_head") != std::string::npos; });
      name += heads && m.size() == 2 ? " (both heads)" : " (all parts)";
    }
    out.push_back({g, name});
  }
  for (const auto& g : groups) {
    const auto& m = members[g];
    if (m.size() == 1 && m.front() == g) continue;
    for (const auto& id : m) out.push_back({id, muscle_name(ctx, id)});
  }
  return out;
}

std::string TriggerPointPanel::default_handout_path(const std::string& id) {
  std::string name = "crus-handout-" + (id.empty() ? std::string("pain-map") : id) + ".pdf";
  const char* home = std::getenv("HOME");
  if (!home || !*home) return name;
  return (std::filesystem::path(home) / name).string();
}

const TriggerPoint* TriggerPointPanel::current(const ViewerContext& ctx) const {
  if (!ctx.trigger_points) return nullptr;
  const TriggerPointSet& set = *ctx.trigger_points;
  const Overlay& overlay = ctx.document->state().overlay;
  const TriggerPoint* remembered = set.find(trigger_point_);
  switch (overlay.mode) {
    case OverlayMode::trigger_point:
      if (const TriggerPoint* tp = set.find(overlay.target)) return tp;
      break;
    case OverlayMode::muscle: {
      auto shown = select_trigger_points(set, overlay.target);
      if (remembered && std::find(shown.begin(), shown.end(), remembered) != shown.end()) return remembered;
      if (!shown.empty()) return shown.front();
      break;
    }
    case OverlayMode::all:
    case OverlayMode::none: break;
  }
  if (remembered) return remembered;
  return overlay.mode == OverlayMode::all && !set.trigger_points.empty() ? &set.trigger_points.front() : nullptr;
}

void TriggerPointPanel::set_mode(ViewerContext& ctx, OverlayMode mode) {
  if (!ctx.trigger_points || ctx.trigger_points->trigger_points.empty()) return;
  const TriggerPointSet& set = *ctx.trigger_points;
  Overlay next = ctx.document->state().overlay;
  next.mode = mode;
  const TriggerPoint* now = current(ctx);
  switch (mode) {
    case OverlayMode::none:
    case OverlayMode::all: next.target.clear(); break;
    case OverlayMode::trigger_point:
      // The one being read, else the last chosen, else the first.
      if (now) trigger_point_ = now->id;
      else if (!set.find(trigger_point_)) trigger_point_ = set.trigger_points.front().id;
      next.target = trigger_point_;
      break;
    case OverlayMode::muscle:
      // The muscle of the one being read, else the last chosen, else the first.
      if (now) muscle_ = group_of(*now);
      else if (muscle_.empty() || select_trigger_points(set, muscle_).empty()) muscle_ = group_of(set.trigger_points.front());
      next.target = muscle_;
      break;
  }
  ctx.document->set_overlay(next);
}

void TriggerPointPanel::choose_trigger_point(ViewerContext& ctx, const std::string& id) {
  if (!ctx.trigger_points || !ctx.trigger_points->find(id)) return;
  trigger_point_ = id;
  Overlay next = ctx.document->state().overlay;
  if (next.mode == OverlayMode::muscle || next.mode == OverlayMode::all) return; // the details follow; the map stays
  next.mode = OverlayMode::trigger_point;
  next.target = id;
  ctx.document->set_overlay(next);
}

void TriggerPointPanel::choose_muscle(ViewerContext& ctx, const std::string& id) {
  if (!ctx.trigger_points || select_trigger_points(*ctx.trigger_points, id).empty()) return;
  muscle_ = id;
  Overlay next = ctx.document->state().overlay;
  next.mode = OverlayMode::muscle;
  next.target = id;
  ctx.document->set_overlay(next);
}

void TriggerPointPanel::set_colour_blind_safe(ViewerContext& ctx, bool on) {
  Overlay next = ctx.document->state().overlay;
  next.colour_blind_safe = on;
  ctx.document->set_overlay(next);
}

bool TriggerPointPanel::select_muscle(ViewerContext& ctx, const TriggerPoint& tp) {
  if (!ctx.scene) return false;
  int index = ctx.scene->index_of(tp.muscle);
  if (index < 0) return false;
  ctx.document->select(index);
  return true;
}

void TriggerPointPanel::export_handout(ViewerContext& ctx, const std::string& path, const std::string& trigger_point) {
  saver_.save(ctx, path, trigger_point);
}

void TriggerPointPanel::draw(ViewerContext& ctx) {
  if (!ctx.trigger_points) {
    ImGui::TextWrapped("Trigger-point maps are not available, so the viewer runs without the overlay.");
    if (!ctx.trigger_point_problem.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.7f, 0.3f, 1.0f));
      ImGui::TextWrapped("%s", ctx.trigger_point_problem.c_str());
      ImGui::PopStyleColor();
    }
    return;
  }
  const TriggerPointSet& set = *ctx.trigger_points;
  if (set.trigger_points.empty()) {
    ImGui::TextWrapped("The trigger-point file lists no trigger points.");
    return;
  }
  draw_controls(ctx, set);
  ImGui::Separator();
  const TriggerPoint* tp = current(ctx);
  if (!tp) {
    ImGui::TextWrapped("Choose a mode above to paint referral maps on the skin of the leg.");
    if (!set.disclaimer.empty()) wrapped_dim(set.disclaimer);
    return;
  }
  draw_details(ctx, set, *tp);
}

void TriggerPointPanel::draw_controls(ViewerContext& ctx, const TriggerPointSet& set) {
  const Overlay& overlay = ctx.document->state().overlay;
  const std::pair<OverlayMode, const char*> modes[] = {{OverlayMode::none, "Off"},
                                                       {OverlayMode::trigger_point, "One trigger point"},
                                                       {OverlayMode::muscle, "One muscle"},
                                                       {OverlayMode::all, "All"}};
  wrapped_dim("Show referral maps:");
  // The four choices flow onto as many lines as the panel's width needs.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float avail = ImGui::GetContentRegionAvail().x;
  float used = 0.0f;
  for (std::size_t i = 0; i < std::size(modes); ++i) {
    const float width = std::min(avail, checkbox_width(modes[i].second)); // a radio button is as wide as a check box
    if (i > 0 && used + style.ItemSpacing.x + width <= avail) {
      ImGui::SameLine();
      used += style.ItemSpacing.x + width;
    } else {
      used = width;
    }
    if (wrapped_radio(modes[i].second, overlay.mode == modes[i].first) && overlay.mode != modes[i].first)
      set_mode(ctx, modes[i].first);
  }

  if (overlay.mode == OverlayMode::trigger_point || overlay.mode == OverlayMode::none) {
    const TriggerPoint* chosen = current(ctx);
    const char* preview = chosen ? chosen->label.c_str() : "Choose a trigger point";
    if (begin_wrapped_combo("##trigger_point", preview, chosen ? "Change..." : "Choose...")) {
      for (const auto& tp : set.trigger_points) {
        bool is_chosen = chosen == &tp;
        if (ImGui::Selectable(tp.label.c_str(), is_chosen)) choose_trigger_point(ctx, tp.id);
        if (is_chosen) ImGui::SetItemDefaultFocus();
      }
      ImGui::EndCombo();
    }
  } else if (overlay.mode == OverlayMode::muscle) {
    auto list = muscles(ctx);
    std::string preview = overlay.target;
    for (const auto& m : list)
      if (m.id == overlay.target) preview = m.name;
    if (begin_wrapped_combo("##muscle", preview, "Change...")) {
      for (const auto& m : list) {
        bool is_chosen = m.id == overlay.target;
        if (ImGui::Selectable((m.name + "##" + m.id).c_str(), is_chosen)) choose_muscle(ctx, m.id);
        if (is_chosen) ImGui::SetItemDefaultFocus();
      }
      ImGui::EndCombo();
    }
  }

  bool safe = overlay.colour_blind_safe;
  // Words short enough to wrap between: 'Colour-blind-safe' is one word to
  // ImGui, and with large text in a narrow panel it broke mid-word.
  if (wrapped_checkbox("Colours safe for colour blindness", &safe)) set_colour_blind_safe(ctx, safe);
  if (ImGui::IsItemHovered())
    wrapped_tooltip("Okabe and Ito's palette: colours that stay distinct with every common kind of colour blindness.");

  // In the muscle and "all" modes several maps show; the list picks whose
  // details to read without changing the map.
  if (overlay.mode == OverlayMode::muscle || overlay.mode == OverlayMode::all) {
    std::vector<const TriggerPoint*> shown;
    if (overlay.mode == OverlayMode::all) {
      for (const auto& tp : set.trigger_points) shown.push_back(&tp);
    } else {
      shown = select_trigger_points(set, overlay.target);
    }
    const TriggerPoint* chosen = current(ctx);
    wrapped_dim("Read about:");
    float rows = static_cast<float>(std::min<std::size_t>(shown.size(), 6));
    if (ImGui::BeginListBox("##shown", ImVec2(-1.0f, rows * ImGui::GetTextLineHeightWithSpacing() + 6.0f))) {
      for (const TriggerPoint* tp : shown)
        if (ImGui::Selectable(tp->label.c_str(), tp == chosen)) trigger_point_ = tp->id;
      ImGui::EndListBox();
    }
  }
}

void TriggerPointPanel::draw_details(ViewerContext& ctx, const TriggerPointSet& set, const TriggerPoint& tp) {
  ImGui::TextWrapped("%s", tp.label.c_str());
  wrapped_dim("Muscle: " + muscle_name(ctx, tp.muscle));

  bool in_scene = ctx.scene && ctx.scene->index_of(tp.muscle) >= 0;
  if (!in_scene) ImGui::BeginDisabled();
  if (wrapped_button("Select muscle")) select_muscle(ctx, tp);
  if (!in_scene) ImGui::EndDisabled();
  same_line_if_fits("Export handout...");
  draw_export(ctx, tp);

  if (wrapped_header("Where it lies", ImGuiTreeNodeFlags_DefaultOpen)) ImGui::TextWrapped("%s", tp.location_text.c_str());
  if (wrapped_header("Where it sends pain", ImGuiTreeNodeFlags_DefaultOpen)) {
    auto essential = regions(tp.essential);
    auto spillover = regions(tp.spillover);
    if (!essential.empty()) {
      wrapped_dim("Nearly always (solid):");
      bullets(essential);
    }
    if (!spillover.empty()) {
      wrapped_dim("Sometimes as well (hatched):");
      bullets(spillover);
    }
    if (!tp.outside_model.empty()) {
      wrapped_dim("Beyond the leg shown here:");
      bullets(tp.outside_model);
    }
  }
  if (!tp.symptoms.empty() && wrapped_header("What people notice", ImGuiTreeNodeFlags_DefaultOpen)) bullets(tp.symptoms);
  if (!tp.activating_factors.empty() && wrapped_header("What sets it off")) bullets(tp.activating_factors);
  // The safety net stays visible above the (collapsed) self-care, so that
  // nobody reads the self-care without it (issue 16): the trigger point's
  // own, then the cautions for where it lies and sends pain that it does not
  // already cover (all of them when the atlas lacks the landmarks).
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.78f, 0.35f, 1.0f));
  if (!tp.safety_net.text.empty()) ImGui::TextWrapped("%s", tp.safety_net.text.c_str());
  if (ctx.red_flags) {
    std::optional<BodyAreaMap> map;
    if (ctx.scene && ctx.scene->manifest) map = BodyAreaMap::from_landmarks(ctx.scene->manifest->landmarks);
    const std::vector<BodyArea> areas = map ? trigger_point_areas(tp, *map) : std::vector<BodyArea>{};
    for (const SelfCareCaution* c : ctx.red_flags->cautions_for(areas)) {
      if (caution_covered_by(*c, tp.safety_net.red_flags)) continue;
      ImGui::Bullet();
      ImGui::TextWrapped("%s", c->text.c_str());
    }
  }
  ImGui::PopStyleColor();
  if (!tp.self_care.empty() && wrapped_header("Self-care (once the red flags are ruled out)")) bullets(tp.self_care);
  if (!tp.differential.empty() && wrapped_header("Other causes to rule out")) bullets(tp.differential);
  if (!tp.notes.empty() && wrapped_header("Where sources disagree")) bullets(tp.notes);
  if (!tp.sources.empty() && wrapped_header("Sources")) {
    for (const auto& key : tp.sources) {
      ImGui::Bullet();
      if (const CitedSource* s = set.find_source(key)) {
        ImGui::TextWrapped("%s", s->citation.c_str());
        if (!s->url.empty()) {
          ImGui::Indent();
          wrapped_dim(s->url);
          ImGui::Unindent();
        }
      } else {
        ImGui::TextWrapped("%s (no citation found in the trigger-point file)", key.c_str());
      }
    }
  }
  if (!set.disclaimer.empty()) {
    ImGui::Spacing();
    wrapped_dim(set.disclaimer);
  }
}

void TriggerPointPanel::draw_export(ViewerContext& ctx, const TriggerPoint& tp) {
  if (wrapped_button("Export handout...")) saver_.open("Export handout", default_handout_path(tp.id), tp.id);
  if (ImGui::IsItemHovered())
    wrapped_tooltip(
        "A printable document (PDF or PNG, A4 or US Letter) with the pictures, plain-language advice and the red flags.");
  saver_.draw(ctx, "Export handout");
}

} // namespace crus::ui
