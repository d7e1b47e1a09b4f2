#include "ui/section_figure.hpp"

#include "core/geometry/polygon_triangulate.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace crus::ui {

namespace {

// As the section page (core/publish/section_page.cpp): what lies on top last.
int draw_rank(StructureKind k) {
  switch (k) {
    case StructureKind::skin: return 0;
    case StructureKind::muscle: return 1;
    case StructureKind::tendon: return 2;
    case StructureKind::bone: return 3;
    case StructureKind::nerve: return 4;
    default: return 5;
  }
}

// Scene colours are linear; ImGui draws sRGB values as they are.
float to_srgb(float c) { return c <= 0.0031308f ? 12.92f * c : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f; }

// As the section page fills a cut: its colour, or where the mesh has vertex
// colours (a muscle's pale tendon) the area-weighted colour of its loops.
unsigned fill_colour(const StructureSection& s) {
  glm::dvec3 sum(0.0);
  double weight = 0.0;
  for (const auto& l : s.section.loops)
    if (l.colour) {
      const double a = std::abs(signed_area(l.points));
      sum += a * glm::dvec3(*l.colour);
      weight += a;
    }
  const glm::vec3 c = weight > 0.0 ? glm::vec3(sum / weight) : glm::vec3(s.colour);
  return ImGui::ColorConvertFloat4ToU32(ImVec4(to_srgb(c.r), to_srgb(c.g), to_srgb(c.b), 1.0f));
}

} // namespace

void SectionFigure::set(const SceneSection* section) {
  section_ = section;
  pieces_.clear();
  if (!section) return;
  std::vector<const StructureSection*> order;
  for (const auto& s : section->structures) order.push_back(&s);
  std::stable_sort(order.begin(), order.end(),
                   [](const StructureSection* a, const StructureSection* b) { return draw_rank(a->kind) < draw_rank(b->kind); });
  lo_ = glm::dvec2(std::numeric_limits<double>::max());
  hi_ = glm::dvec2(std::numeric_limits<double>::lowest());
  for (const StructureSection* s : order) {
    Piece p;
    p.id = s->id;
    p.name = s->name;
    // The skin's cut is the whole leg: a pale ground rather than its colour.
    p.fill = s->kind == StructureKind::skin ? IM_COL32(238, 218, 200, 255) : fill_colour(*s);
    std::vector<std::vector<glm::dvec2>> loops;
    for (const auto& l : s->section.loops) {
      loops.push_back(l.points);
      for (const auto& q : l.points) {
        lo_ = glm::min(lo_, q);
        hi_ = glm::max(hi_, q);
      }
    }
    const Triangulation t = triangulate_polygons(loops);
    for (std::uint32_t i : t.indices) p.triangles.push_back(t.vertices[i]);
    p.outlines = std::move(loops);
    pieces_.push_back(std::move(p));
  }
}

void SectionFigure::draw(const glm::dvec2& mark, const std::string& reveal, float width, float max_height) const {
  if (!section_ || pieces_.empty() || !(hi_.x > lo_.x) || !(hi_.y > lo_.y)) {
    ImGui::TextDisabled("(no section)");
    return;
  }
  const float fs = ImGui::GetFontSize();
  const glm::dvec2 span = hi_ - lo_;
  // Room for the orientation words around the drawing.
  const float margin = fs * 1.4f;
  const double scale = std::min((width - 2.0f * margin) / span.x, (max_height - 2.0f * margin) / span.y);
  const float w = static_cast<float>(span.x * scale) + 2.0f * margin;
  const float h = static_cast<float>(span.y * scale) + 2.0f * margin;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float left = origin.x + (width - w) * 0.5f;
  auto to_screen = [&](const glm::dvec2& q) {
    return ImVec2(left + margin + static_cast<float>((q.x - lo_.x) * scale),
                  origin.y + margin + static_cast<float>((hi_.y - q.y) * scale));
  };
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(left, origin.y), ImVec2(left + w, origin.y + h), IM_COL32(250, 250, 248, 255), fs * 0.3f);
  const ImU32 outline = IM_COL32(60, 50, 45, 255);
  const Piece* revealed = nullptr;
  for (const Piece& p : pieces_) {
    for (std::size_t i = 0; i + 2 < p.triangles.size(); i += 3)
      dl->AddTriangleFilled(to_screen(p.triangles[i]), to_screen(p.triangles[i + 1]), to_screen(p.triangles[i + 2]), p.fill);
    for (const auto& loop : p.outlines) {
      std::vector<ImVec2> pts;
      for (const auto& q : loop) pts.push_back(to_screen(q));
      dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), outline, ImDrawFlags_Closed, 1.0f);
    }
    if (!reveal.empty() && p.id == reveal) revealed = &p;
  }
  const ImU32 highlight = IM_COL32(255, 200, 0, 255);
  if (revealed)
    for (const auto& loop : revealed->outlines) {
      std::vector<ImVec2> pts;
      for (const auto& q : loop) pts.push_back(to_screen(q));
      dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), highlight, ImDrawFlags_Closed, 3.0f);
    }
  // The mark: a dark ring inside a white one, readable on any fill.
  const ImVec2 m = to_screen(mark);
  dl->AddCircle(m, fs * 0.55f, IM_COL32(255, 255, 255, 255), 24, 4.0f);
  dl->AddCircle(m, fs * 0.55f, IM_COL32(20, 20, 20, 255), 24, 2.0f);
  dl->AddCircleFilled(m, 2.5f, IM_COL32(20, 20, 20, 255));
  const ImU32 words = IM_COL32(90, 90, 90, 255);
  auto centred = [&](const char* text, float x, float y) {
    dl->AddText(ImVec2(x - ImGui::CalcTextSize(text).x * 0.5f, y), words, text);
  };
  centred("Anterior", left + w * 0.5f, origin.y + fs * 0.1f);
  centred("Posterior", left + w * 0.5f, origin.y + h - fs * 1.2f);
  dl->AddText(ImVec2(left + fs * 0.2f, origin.y + h * 0.5f - fs * 0.5f), words, "M");
  dl->AddText(ImVec2(left + w - fs * 0.9f, origin.y + h * 0.5f - fs * 0.5f), words, "L");
  if (revealed) {
    // Beside the mark, on whichever side keeps the name inside the figure,
    // on a pale backing so that it reads over any fill.
    const ImVec2 size = ImGui::CalcTextSize(revealed->name.c_str());
    float x = m.x + fs * 0.8f;
    if (x + size.x > left + w - fs * 0.2f) x = std::max(left + fs * 0.2f, m.x - fs * 0.8f - size.x);
    const ImVec2 at(x, m.y + fs * 0.7f > origin.y + h - size.y ? m.y - fs * 1.6f : m.y + fs * 0.7f);
    dl->AddRectFilled(ImVec2(at.x - 2.0f, at.y - 1.0f), ImVec2(at.x + size.x + 2.0f, at.y + size.y + 1.0f),
                      IM_COL32(255, 255, 255, 220), 3.0f);
    dl->AddText(at, IM_COL32(20, 20, 20, 255), revealed->name.c_str());
  }
  ImGui::Dummy(ImVec2(width, h));
}

} // namespace crus::ui
