#include "ui/canvas_imgui.hpp"

#include "ui/imgui_host.hpp"

#include <imgui.h>

#include <cfloat>
#include <cmath>

namespace crus::ui {

namespace {

ImU32 colour_u32(const CanvasColour& c) { return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a)); }
ImVec2 im(glm::vec2 v) { return ImVec2(v.x, v.y); }

// The loaded font nearest in size (the body font or the large caption font).
ImFont* font_for(float size) {
  ImFont* body = ImGui::GetFont();
  ImFont* large = large_font();
  if (large && large != body && std::fabs(large->FontSize - size) < std::fabs(body->FontSize - size)) return large;
  return body;
}

class ImGuiText final : public TextMetrics {
public:
  glm::vec2 measure(const std::string& text, float size, float wrap) const override {
    const ImVec2 s = font_for(size)->CalcTextSizeA(size, FLT_MAX, wrap, text.c_str());
    return {s.x, s.y};
  }
};

} // namespace

const TextMetrics& imgui_text_metrics() {
  static const ImGuiText text;
  return text;
}

CanvasPen imgui_pen(Canvas& canvas) { return CanvasPen{canvas, imgui_text_metrics(), ImGui::GetFontSize()}; }

void draw_canvas(ImDrawList* draw, const Canvas& canvas) {
  using Kind = CanvasItem::Kind;
  for (const CanvasItem& item : canvas.items()) {
    const auto& p = item.points;
    const ImU32 c = colour_u32(item.colour);
    switch (item.kind) {
      case Kind::line: draw->AddLine(im(p[0]), im(p[1]), c, item.width); break;
      case Kind::polyline: {
        std::vector<ImVec2> points;
        for (const glm::vec2& q : p) points.push_back(im(q));
        draw->AddPolyline(points.data(), static_cast<int>(points.size()), c, 0, item.width);
        break;
      }
      case Kind::fill_circle: draw->AddCircleFilled(im(p[0]), item.radius, c); break;
      case Kind::stroke_circle: draw->AddCircle(im(p[0]), item.radius, c, 0, item.width); break;
      case Kind::fill_rect: draw->AddRectFilled(im(p[0]), im(p[1]), c, item.radius); break;
      case Kind::stroke_rect: draw->AddRect(im(p[0]), im(p[1]), c, item.radius, 0, item.width); break;
      case Kind::fill_triangle: draw->AddTriangleFilled(im(p[0]), im(p[1]), im(p[2]), c); break;
      case Kind::text: draw->AddText(font_for(item.size), item.size, im(p[0]), c, item.text.c_str(), nullptr, item.wrap); break;
    }
  }
}

} // namespace crus::ui
