#include "app/quiz_worksheet.hpp"

#include "app/offscreen.hpp"
#include "app/presentation.hpp"
#include "core/error.hpp"
#include "core/publish/section_page.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>

namespace crus::app {
namespace fs = std::filesystem;

namespace {

constexpr int kFigureWidth = 420, kFigureHeight = 560; // portrait: the leg is tall
constexpr double kFigurePt = 190.0, kFigureMaxPt = 230.0;
constexpr double kIndent = 22.0;

// A red ring with a dot and a short leader, so the mark reads in grey print too.
void draw_mark(Image& image, double cx, double cy) {
  auto put = [&](int x, int y, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    if (x < 0 || y < 0 || x >= image.width || y >= image.height) return;
    std::uint8_t* p = image.at(x, y);
    p[0] = r, p[1] = g, p[2] = b, p[3] = 255;
  };
  for (int y = static_cast<int>(cy) - 16; y <= static_cast<int>(cy) + 16; ++y)
    for (int x = static_cast<int>(cx) - 16; x <= static_cast<int>(cx) + 16; ++x) {
      const double r = std::hypot(x - cx, y - cy);
      if (r <= 3.5) put(x, y, 0, 0, 0);
      else if (r >= 9.0 && r <= 13.0) put(x, y, 220, 20, 20);
    }
  for (int t = 0; t < 60; ++t) // leader from the upper left
    for (int w = -1; w <= 1; ++w) put(static_cast<int>(cx - 13 - t) + w, static_cast<int>(cy - 13 - t), 220, 20, 20);
}

// The part of an image that differs from its top-left pixel, plus a margin:
// the section page leaves room for labels the worksheet does not draw.
Image crop_to_content(const Image& image, int margin) {
  if (image.width <= 0 || image.height <= 0) return image;
  const std::uint8_t* bg = image.at(0, 0);
  int x0 = image.width, y0 = image.height, x1 = -1, y1 = -1;
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) {
      const std::uint8_t* p = image.at(x, y);
      if (std::abs(p[0] - bg[0]) + std::abs(p[1] - bg[1]) + std::abs(p[2] - bg[2]) > 24) {
        x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
      }
    }
  if (x1 < 0) return image;
  x0 = std::max(0, x0 - margin), y0 = std::max(0, y0 - margin);
  x1 = std::min(image.width - 1, x1 + margin), y1 = std::min(image.height - 1, y1 + margin);
  Image out;
  out.width = x1 - x0 + 1;
  out.height = y1 - y0 + 1;
  out.rgba.resize(static_cast<std::size_t>(out.width) * out.height * 4);
  for (int y = 0; y < out.height; ++y) std::copy_n(image.at(x0, y0 + y), static_cast<std::size_t>(out.width) * 4, out.at(0, y));
  return out;
}

class FigureMaker {
public:
  explicit FigureMaker(QuizContext& ctx) : ctx_(ctx) {}

  // The figure a question needs, or an empty image (none needed, or the
  // renderer is unavailable: said once on stderr).
  Image figure(const Question& q) {
    switch (q.type) {
      case QuestionType::point_to:
      case QuestionType::name_it:
      case QuestionType::trigger_point: return model_figure(q);
      case QuestionType::section: return section_figure(q);
      default: return {};
    }
  }

private:
  bool ready() {
    if (renderer_ || failed_) return renderer_ != nullptr;
    try {
      presentation_ = std::make_unique<Presentation>(*ctx_.scene, true);
      presentation_->load_trigger_points();
      renderer_ = std::make_unique<OffscreenRenderer>(kFigureWidth, kFigureHeight);
      renderer_->upload(*ctx_.scene);
    } catch (const std::exception& e) {
      failed_ = true;
      renderer_.reset();
      std::cerr << "crus: the worksheet has no model figures: " << e.what() << "\n";
    }
    return renderer_ != nullptr;
  }

  Image model_figure(const Question& q) {
    if (!ready()) return {};
    const Scene& scene = *ctx_.scene;
    Document& doc = presentation_->document();
    doc.reset(scene.structures.size());
    std::vector<int> skin;
    for (int i = 0; i < static_cast<int>(scene.structures.size()); ++i)
      if (scene.structures[static_cast<std::size_t>(i)].kind == StructureKind::skin) skin.push_back(i);
    glm::vec3 focus = (scene.box.min + scene.box.max) * 0.5f;
    if (q.type == QuestionType::trigger_point) {
      // The zone on the skin, without the trigger point's marker.
      Overlay overlay;
      overlay.mode = OverlayMode::trigger_point;
      overlay.target = q.zone_trigger_point;
      overlay.zone_only = true;
      doc.set_overlay(overlay);
      if (const auto* tp = ctx_.trigger_points.find(q.zone_trigger_point))
        if (auto centre = zone_centre(*tp)) focus = *centre;
    } else {
      // Muscles, bones and nerves without the skin over them.
      doc.set_visibility(skin, Visibility::hidden);
      const int target = scene.index_of(q.card.structure);
      if (target >= 0) {
        const auto& box = scene.structures[static_cast<std::size_t>(target)].box;
        focus = (box.min + box.max) * 0.5f;
        if (q.type == QuestionType::name_it) {
          // On paper a ghost is too faint to tell apart: the structure lit
          // among the bones, the other soft tissue left out.
          std::vector<int> others;
          for (int i = 0; i < static_cast<int>(scene.structures.size()); ++i)
            if (i != target && scene.structures[static_cast<std::size_t>(i)].kind != StructureKind::bone) others.push_back(i);
          doc.set_visibility(others, Visibility::hidden);
          doc.select(target);
        }
      }
    }
    DrawList list = presentation_->draw_list();
    list.background = glm::vec3(1.0f); // paper, not ink
    const float aspect = static_cast<float>(kFigureWidth) / kFigureHeight;
    renderer_->draw(scene, list, presentation_->camera_for(view_facing(scene, focus), aspect));
    return crop_to_content(renderer_->read(), 12);
  }

  Image section_figure(const Question& q) {
    if (!q.section_fraction) return {};
    const SceneSection* level = ctx_.bank->section_at(*q.section_fraction);
    if (!level) return {};
    SectionPageOptions o;
    o.width = 640;
    o.height = 480;
    o.labels = false;
    Image page = render_section_page(*level, o);
    const glm::dvec2 at = section_page_frame(*level, o).to_page(q.section_mark);
    draw_mark(page, at.x, at.y);
    return crop_to_content(page, 16);
  }

  QuizContext& ctx_;
  std::unique_ptr<Presentation> presentation_;
  std::unique_ptr<OffscreenRenderer> renderer_;
  bool failed_ = false;
};

std::string choice_text(const Question& q, const std::string& id, const QuizBank& bank) {
  for (const auto& c : q.choices)
    if (c.id == id) return c.text;
  return bank.display_name(id);
}

// What the key gives: the right options (letters and text) first, then any
// other right answers the question accepts.
std::string key_answer(const Question& q, const QuizBank& bank) {
  std::string shown, also;
  for (std::size_t i = 0; i < q.choices.size(); ++i)
    if (std::count(q.correct.begin(), q.correct.end(), q.choices[i].id))
      shown += (shown.empty() ? "" : "; ") + std::string(1, static_cast<char>('a' + i)) + ") " + q.choices[i].text;
  for (const auto& c : q.correct)
    if (std::none_of(q.choices.begin(), q.choices.end(), [&](const Choice& ch) { return ch.id == c; }))
      also += (also.empty() ? "" : ", ") + choice_text(q, c, bank);
  if (shown.empty()) return also;
  return also.empty() ? shown : shown + " (also right: " + also + ")";
}

// "Click the soleus on the model." becomes "Mark the soleus on the figure."
std::string paper_prompt(const Question& q) {
  std::string p = q.prompt;
  if (q.type == QuestionType::point_to && p.rfind("Click ", 0) == 0) {
    p.replace(0, 6, "Mark ");
    if (auto at = p.rfind(" on the model."); at != std::string::npos) p.replace(at, std::string::npos, " on the figure.");
  }
  return p;
}

const char* instruction(const Question& q) {
  switch (q.type) {
    case QuestionType::point_to: return "Draw an arrow to it.";
    case QuestionType::name_it:
    case QuestionType::section: return "Write its name, or circle one:";
    default: return "Circle one:";
  }
}

} // namespace

WorksheetResult write_quiz_worksheet(QuizContext& ctx, const Quiz& quiz, Paper paper, const std::string& out) {
  std::string ext = fs::path(out).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext != ".pdf" && ext != ".png") throw InputError("--out", out + ": a worksheet is a .pdf file or .png pages");
  if (!ctx.scene) throw InputError("--worksheet", "the worksheet needs the bundled atlas for its figures");

  PrintDocument doc(paper);
  const std::string seed = std::to_string(quiz.seed);
  doc.set_title("Crus quiz, seed " + seed);
  doc.set_footer("Crus quiz \u00b7 seed " + seed + " \u00b7 knowledge " + ctx.version);
  doc.heading("Lower leg quiz");
  doc.paragraph("Name: ______________________________     Date: ______________", TextStyle{10.5, false, 0.0, 0.0, 0.0, 10.0});
  doc.paragraph(std::to_string(quiz.questions.size()) + " questions on the right lower leg. The answers are on the last page.",
                TextStyle{9.5, false, 0.0, 0.0, 0.35, 10.0});

  FigureMaker figures(ctx);
  const TextStyle prompt{10.5, true, 0.0, kIndent, 0.0, 3.0};
  const TextStyle note{9.5, false, kIndent, 0.0, 0.35, 3.0};
  const TextStyle option{10.5, false, kIndent, 18.0, 0.0, 1.5};
  for (std::size_t i = 0; i < quiz.questions.size(); ++i) {
    const Question& q = quiz.questions[i];
    Image fig = figures.figure(q);
    // Figures at most kFigurePt wide and kFigureMaxPt tall (a cropped leg is tall and narrow).
    const double fig_pt = fig.width > 0 ? std::min(kFigurePt, kFigureMaxPt * fig.width / fig.height) : 0.0;
    // A question stays on one page with its figure and options.
    double height = doc.text_height(paper_prompt(q), prompt) + doc.text_height(instruction(q), note) + 12.0;
    if (fig.width > 0) height += doc.image_height(fig, fig_pt) + 4.0;
    for (const auto& c : q.choices) height += doc.text_height(c.text, option);
    doc.keep_together(height);
    doc.item(std::to_string(i + 1) + ".", paper_prompt(q), prompt);
    doc.paragraph(instruction(q), note);
    if (fig.width > 0) doc.image(fig, fig_pt, kIndent);
    for (std::size_t c = 0; c < q.choices.size(); ++c)
      doc.item(std::string(1, static_cast<char>('a' + c)) + ")", q.choices[c].text, option);
    doc.space(10.0);
  }

  doc.new_page();
  doc.heading("Answer key");
  const TextStyle key{10.0, false, 0.0, kIndent, 0.0, 1.5};
  const TextStyle why{9.0, false, kIndent, 0.0, 0.35, 6.0};
  for (std::size_t i = 0; i < quiz.questions.size(); ++i) {
    const Question& q = quiz.questions[i];
    doc.keep_together(doc.text_height(q.explanation, why) + 14.0);
    doc.item(std::to_string(i + 1) + ".", key_answer(q, *ctx.bank), key);
    doc.paragraph(q.explanation + " Source: " + (q.citation.empty() ? q.source : q.citation), why);
  }

  WorksheetResult result;
  result.pages = doc.page_count();
  if (ext == ".pdf") {
    doc.write_pdf(out);
    result.files.push_back(out);
    return result;
  }
  const auto pages = doc.render_pages(150.0);
  const fs::path base = fs::path(out).replace_extension();
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const std::string file = base.string() + "-" + std::to_string(p + 1) + ".png";
    write_png(pages[p], file);
    result.files.push_back(file);
  }
  return result;
}

} // namespace crus::app
