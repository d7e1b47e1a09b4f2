#pragma once
// The Annotations panel (the tools; each pin's and arrow's text, editable;
// delete buttons; clear ink) and the annotation commands: annotate.* in the
// viewer (Shift+P pin, Shift+A arrow, Shift+D ink, Shift+C clear ink,
// Shift+Delete delete the last), Enter / Escape while a tool is in use, and
// presenter.laser (L), .spotlight (S), .ink (D), .clear_ink (C), .keep_ink
// (K) in presenter mode. Keys are in core/commands/command_catalogue.cpp.
#include "core/commands/command_registry.hpp"
#include "core/teaching/lesson_session.hpp"
#include "ui/panel.hpp"

#include <string>
#include <vector>

namespace crus::ui {

class AnnotationPanel : public Panel {
public:
  AnnotationPanel() { open = false; }
  const char* title() const override { return "Annotations"; }
  void draw(ViewerContext& ctx) override;
  PanelSlot slot() const override { return PanelSlot::inner; }

private:
  std::vector<std::string> texts_; // edit buffers: pins, then arrows
  std::uint64_t synced_ = 0;       // the document revision they were filled from
};

// `lesson` may be null (no lesson to keep ink in). References outlive `commands`.
void bind_annotation_commands(CommandRegistry& commands, ViewerContext& ctx, LessonSession* lesson);

} // namespace crus::ui
