#include "ui/pain_map_panel.hpp"
#include "ui/wrapped_button.hpp"

#include "core/motion/posed_queries.hpp"

#include "ui/red_flags_panel.hpp"
#include "ui/trigger_point_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <optional>

namespace crus::ui {

namespace {

// FNV-1a over the coordinates: a cheap fingerprint of the painted points.
std::uint64_t fingerprint(const std::vector<glm::vec3>& points) {
  std::uint64_t h = 1469598103934665603ull;
  const auto* bytes = reinterpret_cast<const unsigned char*>(points.data());
  for (std::size_t i = 0; i < points.size() * sizeof(glm::vec3); ++i) {
    h ^= bytes[i];
    h *= 1099511628211ull;
  }
  return h;
}

std::string muscle_name(const ViewerContext& ctx, const std::string& id) {
  if (ctx.knowledge)
    if (const KnowledgeEntry* e = ctx.knowledge->find(id)) return e->name;
  if (ctx.scene) {
    int i = ctx.scene->index_of(id);
    if (i >= 0) return ctx.scene->structures[static_cast<std::size_t>(i)].name;
  }
  return id;
}

} // namespace

const std::vector<ReferralCandidate>& PainMapPanel::candidates(const ViewerContext& ctx) {
  if (!ctx.trigger_points) {
    candidates_.clear();
    computed_ = false;
    chosen_ = -1;
    return candidates_;
  }
  const std::uint64_t hash = fingerprint(ctx.painted) ^ (ctx.skin_generation * 0x9e3779b97f4a7c15ull);
  if (computed_ && computed_for_ == ctx.trigger_points && painted_size_ == ctx.painted.size() && painted_hash_ == hash)
    return candidates_;
  // On a posed leg the painted points are on the posed skin; the zones are
  // on the rest leg, so each point is carried to the same spot at rest.
  const bool posed = ctx.rest_skin && ctx.skin_index && !ctx.skin_index->empty() && ctx.scene && ctx.skin >= 0;
  candidates_ =
      lookup_referral(*ctx.trigger_points,
                      posed ? motion::to_rest_skin(*ctx.rest_skin, ctx.scene->structures[static_cast<std::size_t>(ctx.skin)].mesh,
                                                   *ctx.skin_index, ctx.painted)
                            : ctx.painted);
  computed_ = true;
  computed_for_ = ctx.trigger_points;
  painted_size_ = ctx.painted.size();
  painted_hash_ = hash;
  ++lookups_;
  chosen_ = -1;
  for (std::size_t i = 0; i < candidates_.size(); ++i)
    if (candidates_[i].trigger_point == chosen_id_) chosen_ = static_cast<int>(i);
  return candidates_;
}

void PainMapPanel::update_areas(const ViewerContext& ctx) {
  const std::uint64_t hash = fingerprint(ctx.painted);
  if (areas_computed_ && areas_for_flags_ == ctx.red_flags && areas_size_ == ctx.painted.size() && areas_hash_ == hash) return;
  areas_computed_ = true;
  areas_for_flags_ = ctx.red_flags;
  areas_size_ = ctx.painted.size();
  areas_hash_ = hash;
  areas_.clear();
  fitting_.clear();
  if (ctx.painted.empty()) return;
  std::optional<BodyAreaMap> map;
  if (ctx.scene && ctx.scene->manifest) map = BodyAreaMap::from_landmarks(ctx.scene->manifest->landmarks);
  if (map) areas_ = map->areas_of(ctx.painted);
  // Without the landmarks areas_ stays empty and every red flag fits: the
  // safe side.
  if (ctx.red_flags) fitting_ = ctx.red_flags->for_areas(areas_);
}

const std::vector<const RedFlag*>& PainMapPanel::fitting_red_flags(const ViewerContext& ctx) {
  update_areas(ctx);
  return fitting_;
}

const std::vector<BodyArea>& PainMapPanel::painted_areas(const ViewerContext& ctx) {
  update_areas(ctx);
  return areas_;
}

void PainMapPanel::draw_fitting_red_flags(ViewerContext& ctx) {
  const auto& flags = fitting_red_flags(ctx);
  if (flags.empty() || !ctx.red_flags) return;
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.55f, 0.5f, 1.0f));
  ImGui::TextWrapped("%s", any_urgent(flags) ? "Check these first: they need a doctor, not self-care. Open one to see its signs."
                                             : "Not muscle pain? These can also cause pain in the painted area:");
  ImGui::PopStyleColor();
  RedFlagsPanel::draw_red_flags(*ctx.red_flags, flags, false);
  for (const SelfCareCaution* c : ctx.red_flags->cautions_for(painted_areas(ctx))) {
    ImGui::Bullet();
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.78f, 0.35f, 1.0f));
    ImGui::TextWrapped("%s", c->text.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::Separator();
}

void PainMapPanel::choose(ViewerContext& ctx, std::size_t i) {
  const auto& list = candidates(ctx);
  if (i >= list.size()) return;
  const ReferralCandidate& c = list[i];
  chosen_ = static_cast<int>(i);
  chosen_id_ = c.trigger_point;
  if (ctx.scene) {
    int muscle = ctx.scene->index_of(c.muscle);
    if (muscle >= 0) ctx.document->select(muscle);
  }
  Overlay overlay;
  overlay.mode = OverlayMode::trigger_point;
  overlay.target = c.trigger_point;
  overlay.colour_blind_safe = ctx.document->state().overlay.colour_blind_safe;
  ctx.document->set_overlay(overlay);
}

void PainMapPanel::clear(ViewerContext& ctx) { ctx.painted.clear(); }

void PainMapPanel::export_handout(ViewerContext& ctx, const std::string& path) { saver_.save(ctx, path, ""); }

void PainMapPanel::draw(ViewerContext& ctx) {
  // The body scrolls; the note and the red flags stay at the foot.
  const float wrap = ImGui::GetContentRegionAvail().x;
  const ImGuiStyle& style = ImGui::GetStyle();
  float footer = ImGui::CalcTextSize(kEducationNote, nullptr, false, wrap).y + ImGui::GetFrameHeightWithSpacing() +
                 style.ItemSpacing.y * 4.0f;
  if (show_red_flags_) footer += std::max(ImGui::GetContentRegionAvail().y * 0.4f, ImGui::GetTextLineHeightWithSpacing() * 6.0f);
  if (ImGui::BeginChild("##pain_map_body", ImVec2(0.0f, -footer))) {
    if (!ctx.trigger_points) {
      ImGui::TextWrapped("The pain map needs the trigger-point data, which could not be loaded.");
      if (!ctx.trigger_point_problem.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.7f, 0.3f, 1.0f));
        ImGui::TextWrapped("%s", ctx.trigger_point_problem.c_str());
        ImGui::PopStyleColor();
      }
    } else {
      draw_brush(ctx);
      ImGui::Separator();
      // Urgent or emergency red flags that fit the painted place come before
      // the trigger points; the others after them.
      const bool first = any_urgent(fitting_red_flags(ctx));
      if (first) draw_fitting_red_flags(ctx);
      draw_candidates(ctx);
      if (!first) draw_fitting_red_flags(ctx);
      draw_export(ctx);
    }
  }
  ImGui::EndChild();
  draw_footer(ctx);
}

void PainMapPanel::draw_brush(ViewerContext& ctx) {
  bool can_paint = ctx.skin >= 0;
  if (!can_paint) ImGui::BeginDisabled();
  ImGui::Checkbox("Paint on the skin", &ctx.paint_mode);
  if (!can_paint) {
    ImGui::EndDisabled();
    ctx.paint_mode = false;
    ImGui::SameLine();
    ImGui::TextDisabled("(this atlas has no skin)");
  }
  float cm = ctx.brush_radius * 100.0f;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
  if (ImGui::SliderFloat("Brush size", &cm, 0.5f, 4.0f, "%.1f cm", ImGuiSliderFlags_AlwaysClamp)) ctx.brush_radius = cm / 100.0f;
  ImGui::SameLine();
  if (ImGui::Button("Clear")) clear(ctx);
  if (ctx.paint_mode) ImGui::TextDisabled("Click or drag on the leg where it hurts. Turn painting off to rotate by dragging.");
}

void PainMapPanel::draw_candidates(ViewerContext& ctx) {
  const auto& list = candidates(ctx);
  if (ctx.painted.empty()) {
    ImGui::TextWrapped("Turn on \"Paint on the skin\", then click or drag on the leg where it hurts. The trigger points "
                       "that can send pain there will be listed here, the closest match first.");
    return;
  }
  if (list.empty()) {
    ImGui::TextWrapped("None of the trigger points in Crus usually sends pain to the painted area. Pain there can have "
                       "other causes; the red flags below list the ones not to miss.");
    return;
  }
  ImGui::TextWrapped("Trigger points that can send pain to the painted area. Choose one to see its map:");
  // One table per zone kind under its own heading: essential first, as ranked.
  ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
  std::size_t i = 0;
  while (i < list.size()) {
    const ZoneKind zone = list[i].zone;
    ImGui::Spacing();
    ImGui::TextDisabled("%s", zone == ZoneKind::essential ? "Main pain area of these (essential zone):"
                                                          : "Where their pain sometimes spreads (spillover zone):");
    bool table = ImGui::BeginTable(zone == ZoneKind::essential ? "essential" : "spillover", 4, flags);
    if (table) {
      ImGui::TableSetupColumn("Muscle", ImGuiTableColumnFlags_WidthStretch, 1.2f);
      ImGui::TableSetupColumn("Trigger point", ImGuiTableColumnFlags_WidthStretch, 1.6f);
      ImGui::TableSetupColumn("Zone", ImGuiTableColumnFlags_WidthStretch, 0.8f);
      ImGui::TableSetupColumn("Match", ImGuiTableColumnFlags_WidthStretch, 0.9f);
      ImGui::TableHeadersRow();
    }
    for (; i < list.size() && list[i].zone == zone; ++i) {
      if (!table) continue;
      const ReferralCandidate& c = list[i];
      const TriggerPoint* tp = ctx.trigger_points->find(c.trigger_point);
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      std::string label = muscle_name(ctx, c.muscle) + "##candidate" + std::to_string(i);
      if (ImGui::Selectable(label.c_str(), chosen_ == static_cast<int>(i),
                            ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
        choose(ctx, i);
      ImGui::TableSetColumnIndex(1);
      ImGui::TextWrapped("%s", tp ? tp->label.c_str() : c.trigger_point.c_str());
      ImGui::TableSetColumnIndex(2);
      ImGui::TextUnformatted(to_string(c.zone));
      ImGui::TableSetColumnIndex(3);
      char overlay[16];
      std::snprintf(overlay, sizeof(overlay), "%.0f%%", c.score * 100.0f);
      ImGui::ProgressBar(c.score, ImVec2(-1.0f, 0.0f), overlay);
    }
    if (table) ImGui::EndTable();
  }
}

void PainMapPanel::draw_export(ViewerContext& ctx) {
  ImGui::Spacing();
  bool painted = !ctx.painted.empty();
  if (!painted) ImGui::BeginDisabled();
  if (wrapped_button("Export handout for this pain map..."))
    saver_.open("Export pain map", TriggerPointPanel::default_handout_path(""), "");
  if (!painted) ImGui::EndDisabled();
  saver_.draw(ctx, "Export pain map");
}

void PainMapPanel::draw_footer(ViewerContext& ctx) {
  ImGui::Separator();
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.78f, 0.35f, 1.0f));
  ImGui::TextWrapped("%s", kEducationNote);
  ImGui::PopStyleColor();
  ImGui::SetNextItemOpen(show_red_flags_);
  show_red_flags_ = wrapped_header("Not muscle pain? Red flags");
  if (!show_red_flags_) return;
  if (ImGui::BeginChild("##red_flag_list", ImVec2(0.0f, 0.0f))) {
    if (ctx.red_flags) RedFlagsPanel::draw_red_flags(*ctx.red_flags);
    else RedFlagsPanel::draw_missing();
  }
  ImGui::EndChild();
}

} // namespace crus::ui
