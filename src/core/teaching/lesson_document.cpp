#include "core/teaching/lesson_document.hpp"

#include "core/publish/handout.hpp" // resize_box

#include <algorithm>

namespace crus {

namespace {

constexpr PrintColour kHeading{0.08, 0.27, 0.43};
// Slides are embedded at most this wide: sharp on paper (about 190 dpi
// across an A4 column) without making the file huge.
constexpr int kMaxSlideWidth = 1280;

const LessonSource* find_source(const Lesson& lesson, const std::string& key) {
  for (const auto& s : lesson.sources)
    if (s.key == key) return &s;
  return nullptr;
}

} // namespace

void typeset_lesson(PrintDocument& doc, const Lesson& lesson, const std::vector<Image>& slides) {
  doc.set_title(lesson.title);
  doc.set_footer(lesson.title);
  const std::size_t count = lesson.steps.size();
  TextStyle small;
  small.size_pt = 8.5;
  small.grey = 0.4;
  small.space_after_pt = 2.0;
  TextStyle body;
  body.size_pt = 11.0;
  for (std::size_t i = 0; i < count; ++i) {
    const LessonStep& step = lesson.steps[i];
    if (i > 0) doc.new_page();
    doc.paragraph(lesson.title + "  \u00b7  step " + std::to_string(i + 1) + " of " + std::to_string(count), small);
    doc.heading(std::to_string(i + 1) + ". " + (step.title.empty() ? step.caption : step.title), 1, kHeading);
    if (i < slides.size() && slides[i].width > 0 && slides[i].height > 0) {
      const Image& slide = slides[i];
      if (slide.width > kMaxSlideWidth) {
        const int h = std::max(1, slide.height * kMaxSlideWidth / slide.width);
        doc.image(resize_box(slide, kMaxSlideWidth, h), doc.content_width());
      } else {
        doc.image(slide, doc.content_width());
      }
      doc.space(6.0);
    }
    TextStyle caption = body;
    caption.bold = true;
    caption.size_pt = 12.0;
    doc.paragraph(step.caption, caption);
    if (!step.notes.empty()) {
      doc.heading("Speaker notes", 2, kHeading);
      doc.paragraph(step.notes, body);
    }
    if (!step.sources.empty()) {
      doc.space(6.0);
      doc.keep_together(30.0);
      TextStyle label = small;
      label.bold = true;
      doc.paragraph("Sources", label);
      for (const auto& key : step.sources) {
        const LessonSource* s = find_source(lesson, key);
        std::string line = s ? s->citation + (s->url.empty() ? "" : " " + s->url) : key;
        doc.item("\u2022", line, TextStyle{small.size_pt, false, 0.0, 10.0, small.grey, 1.0});
      }
    }
  }
}

std::size_t write_lesson_pdf(const Lesson& lesson, const std::vector<Image>& slides, const std::string& path, Paper paper) {
  PrintDocument doc(paper);
  typeset_lesson(doc, lesson, slides);
  doc.write_pdf(path);
  return doc.page_count();
}

} // namespace crus
