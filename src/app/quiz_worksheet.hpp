#pragma once
// crus quiz --worksheet: the quiz typeset for paper with core/publish/print_document
// (numbered questions, figures drawn from the model for the questions that
// need one, an answer key on its own last page), as a PDF or PNG pages.
#include "app/quiz_context.hpp"
#include "core/publish/print_document.hpp"

#include <string>

namespace crus::app {

struct WorksheetResult {
  std::size_t pages = 0;
  std::vector<std::string> files; // written
};

// `out` ends in .pdf (one file) or .png (out-1.png, out-2.png ...). Needs
// ctx.scene. Throws InputError for a bad --out.
WorksheetResult write_quiz_worksheet(QuizContext& ctx, const Quiz& quiz, Paper paper, const std::string& out);

} // namespace crus::app
