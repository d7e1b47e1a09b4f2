#pragma once
// The viewer's annotation state that is no part of the document: the tool
// in use (the pins, arrows and ink themselves are in DocumentState), the
// stroke being drawn, the presenter's laser or spotlight, the anchors of
// pins on the rest meshes, and the lesson step action being played.
#include "core/document/annotation_marks.hpp"
#include "core/document/annotations.hpp"
#include "core/teaching/lesson_action.hpp"

#include <map>
#include <optional>
#include <string>
#include <tuple>

namespace crus {
struct Scene;
}

namespace crus::ui {

enum class AnnotationTool { none, pin, arrow, ink };
enum class Pointer { none, laser, spotlight };

struct AnnotationTools {
  AnnotationTool tool = AnnotationTool::none;
  std::optional<AnatomyPoint> arrow_start; // the first click of an arrow
  InkStroke stroke;                        // being drawn (not yet in the document)
  Pointer pointer = Pointer::none;         // presenter mode
  int focus_pin = -1;                      // the Annotations panel puts the keyboard on this pin's text
  // The atlas at rest when the scene is posed (the app's poser); null: the
  // scene itself is at rest. Stored points are in this frame.
  const Scene* rest = nullptr;
  // Where each stored point sits on its rest mesh (found once per point).
  AnchorCache anchors;
  bool placing() const { return tool == AnnotationTool::pin || tool == AnnotationTool::arrow; }
};

// A lesson step's action while it plays (ui/step_action_player.cpp).
struct StepActionPlayback {
  std::optional<StepAction> action;
  double started = -1.0; // ImGui time; < 0: starts on the next frame
  std::string lit;       // the structure lit now ("" none)
  bool moved = false;    // the movement's end pose was put in the document
};

} // namespace crus::ui
