#pragma once
// A lesson as a printable document (core/publish/print_document.hpp): one page per
// step with its slide, its caption and the speaker notes, and the full
// citations of the sources the step names. `crus lesson export` writes it
// beside the PNG slides. No GL: the slides come rendered.
#include "core/io/image.hpp"
#include "core/teaching/lesson.hpp"
#include "core/publish/print_document.hpp"

#include <string>
#include <vector>

namespace crus {

// `slides[i]` is step i's picture (may be missing or empty: the page then
// has text only). Each step starts a page; long notes run onto the next.
void typeset_lesson(PrintDocument& doc, const Lesson& lesson, const std::vector<Image>& slides);
// Atomic; returns the number of pages. Throws InputError when the file
// cannot be written, RuntimeError when the fonts are missing.
std::size_t write_lesson_pdf(const Lesson& lesson, const std::vector<Image>& slides, const std::string& path,
                             Paper paper = Paper::a4);

} // namespace crus
