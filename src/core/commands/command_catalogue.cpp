#include "core/commands/command_catalogue.hpp"

#include "core/motion/presets.hpp"
#include "core/motion/producers.hpp"

#include <cctype>
#include <initializer_list>
#include <stdexcept>

namespace crus {

namespace {

// Chords as written in the table below; a typo there is a programming error.
std::vector<KeyChord> chords(std::initializer_list<const char*> texts) {
  std::vector<KeyChord> out;
  for (const char* t : texts) {
    std::string why;
    auto chord = parse_key_chord(t, &why);
    if (!chord) throw std::invalid_argument("command catalogue: " + why);
    out.push_back(*chord);
  }
  return out;
}

void add(CommandRegistry& r, const char* id, const char* title, const char* menu, const char* context,
         std::initializer_list<const char*> keys = {}, bool repeat = false) {
  r.add(CommandInfo{id, title, menu, context, chords(keys), repeat});
}

} // namespace

const std::vector<std::string>& viewer_contexts() {
  static const std::vector<std::string> contexts = {"viewport", "viewer", "global"};
  return contexts;
}

std::string panel_command_id(const std::string& title) {
  std::string id = "panel.";
  bool gap = false;
  for (char c : title) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      if (gap && id.back() != '.') id += '_';
      id += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      gap = false;
    } else {
      gap = true;
    }
  }
  return id;
}

void add_viewer_commands(CommandRegistry& r) {
  // Contexts (core/commands/command_registry.hpp): "global" acts even while typing,
  // "viewer" when no text field has the keyboard, "viewport" when no panel
  // has it (the arrows, which also move the focus inside a panel).
  add(r, "file.open_scene", "Open scene...", "File", "global", {"Ctrl+O"});
  add(r, "file.save_scene", "Save scene", "File", "global", {"Ctrl+S"});
  add(r, "file.save_scene_as", "Save scene as...", "File", "global", {"Ctrl+Shift+S"});
  add(r, "file.export_image", "Export image...", "File", "global", {"Ctrl+E"});
  add(r, "file.problems", "Problems...", "File", "global");
  add(r, "file.quit", "Quit", "File", "global", {"Ctrl+Q"});

  add(r, "edit.undo", "Undo", "Edit", "viewer", {"Ctrl+Z"});
  add(r, "edit.redo", "Redo", "Edit", "viewer", {"Ctrl+Y", "Ctrl+Shift+Z"});
  add(r, "selection.clear", "Clear selection", "Edit", "viewer", {"Escape"});
  add(r, "selection.hide", "Hide selection", "Edit", "viewer", {"H"});
  add(r, "selection.ghost", "Ghost selection", "Edit", "viewer", {"G"});
  add(r, "selection.isolate", "Isolate selection", "Edit", "viewer", {"I"});
  add(r, "selection.pin_label", "Pin or unpin the selection's label", "Edit", "viewer", {"P"});
  add(r, "structures.show_all", "Show everything", "Edit", "viewer", {"A"});

  add(r, "view.anterior", "Anterior view", "View", "viewer", {"1"});
  add(r, "view.posterior", "Posterior view", "View", "viewer", {"2"});
  add(r, "view.medial", "Medial view", "View", "viewer", {"3"});
  add(r, "view.lateral", "Lateral view", "View", "viewer", {"4"});
  add(r, "view.superior", "Superior view", "View", "viewer", {"5"});
  add(r, "view.inferior", "Inferior view", "View", "viewer", {"6"});
  add(r, "view.reset", "Reset view", "View", "viewer", {"R", "Home"});
  add(r, "view.frame_selected", "Frame selection", "View", "viewer", {"F"});
  // '+' is Shift+= on most layouts; with Ctrl the same keys size the text.
  add(r, "view.zoom_in", "Zoom in", "", "viewer", {"=", "Shift+=", "KeypadAdd"}, true);
  add(r, "view.zoom_out", "Zoom out", "", "viewer", {"-", "KeypadSubtract"}, true);
  add(r, "view.orbit_left", "Rotate left", "", "viewport", {"Left"}, true);
  add(r, "view.orbit_right", "Rotate right", "", "viewport", {"Right"}, true);
  add(r, "view.orbit_up", "Rotate up", "", "viewport", {"Up"}, true);
  add(r, "view.orbit_down", "Rotate down", "", "viewport", {"Down"}, true);
  add(r, "view.pan_left", "Pan left", "", "viewport", {"Shift+Left"}, true);
  add(r, "view.pan_right", "Pan right", "", "viewport", {"Shift+Right"}, true);
  add(r, "view.pan_up", "Pan up", "", "viewport", {"Shift+Up"}, true);
  add(r, "view.pan_down", "Pan down", "", "viewport", {"Shift+Down"}, true);
  add(r, "view.mirror", "Mirror (left leg)", "View", "viewer", {"M"});
  add(r, "view.light_background", "Light background (slides)", "View", "global");
  add(r, "view.ambient_occlusion", "Ambient occlusion (depth in folds)", "View", "global");
  add(r, "view.hide_panels", "Hide panels", "View", "viewer", {"Tab"});
  add(r, "view.arrange_panels", "Arrange panels", "View", "global");
  add(r, "view.reset_settings", "Reset to defaults", "View", "global");
  add(r, "text.larger", "Larger text", "View > Text size", "global", {"Ctrl+=", "Ctrl+Shift+=", "Ctrl+KeypadAdd"});
  add(r, "text.smaller", "Smaller text", "View > Text size", "global", {"Ctrl+-", "Ctrl+KeypadSubtract"});
  for (const char* pts : {"14", "17", "21", "26", "32"}) {
    const std::string id = std::string("text.size_") + pts;
    const std::string title = std::string("Text size ") + pts + " pt" + (std::string(pts) >= "26" ? " (projector)" : "");
    r.add(CommandInfo{id, title, "View > Text size", "global", {}, false});
  }
  // The section plane (core/geometry/section_view.hpp): Alt with the arrows moves and
  // tilts it, so the arrows alone still orbit.
  add(r, "section.toggle", "Section plane", "View > Section", "viewer", {"X"});
  add(r, "section.up", "Move the section up", "View > Section", "viewport", {"Alt+Up"}, true);
  add(r, "section.down", "Move the section down", "View > Section", "viewport", {"Alt+Down"}, true);
  add(r, "section.tilt_up", "Tilt the section (anterior side up)", "View > Section", "viewport", {"Alt+Right"}, true);
  add(r, "section.tilt_down", "Tilt the section (anterior side down)", "View > Section", "viewport", {"Alt+Left"}, true);
  add(r, "section.level", "Level the section (horizontal)", "View > Section", "viewer");
  add(r, "section.show_slice", "Section as a 2D slice", "View > Section", "viewer", {"Shift+X"});
  add(r, "section.tint_compartments", "Tint the compartments", "View > Section", "viewer");
  add(r, "search.focus", "Search structures", "", "viewer", {"Ctrl+F", "/"});
  // Lessons (ui/lesson_panel.hpp). A clicker sends Page Down / Page Up (some
  // send the arrows or B): in presenter mode its own context comes first, so
  // the arrows step there and orbit the view everywhere else.
  add(r, "lesson.next", "Next lesson step", "", "viewer", {"PageDown", "Space"});
  add(r, "lesson.previous", "Previous lesson step", "", "viewer", {"PageUp"});
  add(r, "lesson.present", "Present the lesson", "View", "viewer", {"F5"});
  add(r, "lesson.close", "Close the lesson", "File", "global");
  add(r, "presenter.next", "Next step", "", "presenter", {"PageDown", "Space", "Right", "Down"});
  add(r, "presenter.previous", "Previous step", "", "presenter", {"PageUp", "Left", "Up"});
  add(r, "presenter.black_screen", "Black screen", "", "presenter", {"B", "."});
  add(r, "presenter.leave", "Leave presenter mode", "", "presenter", {"Escape"});
  add(r, "presenter.laser", "Laser pointer", "", "presenter", {"L"});
  add(r, "presenter.spotlight", "Spotlight", "", "presenter", {"S"});
  add(r, "presenter.ink", "Draw with ink", "", "presenter", {"D"});
  add(r, "presenter.clear_ink", "Clear the ink", "", "presenter", {"C", "E"});
  add(r, "presenter.keep_ink", "Keep the ink in this step", "", "presenter", {"K"});
  // Annotations (ui/annotation_panel.hpp): a tool, then a click on the model
  // or Enter for the point at the centre of the view; "annotate" is the
  // context the shell puts first while a tool is in use.
  add(r, "annotate.add_pin", "Add a pin (click the model, or Enter)", "Edit > Annotate", "viewer", {"Shift+P"});
  add(r, "annotate.add_arrow", "Add an arrow (click its start, then its tip)", "Edit > Annotate", "viewer", {"Shift+A"});
  add(r, "annotate.ink", "Draw with ink", "Edit > Annotate", "viewer", {"Shift+D"});
  add(r, "annotate.clear_ink", "Clear the ink", "Edit > Annotate", "viewer", {"Shift+C"});
  add(r, "annotate.delete_last", "Delete the last pin or arrow", "Edit > Annotate", "viewer",
      {"Shift+Delete", "Shift+Backspace"});
  add(r, "annotate.place_here", "Place at the centre of the view", "", "annotate", {"Enter"});
  add(r, "annotate.cancel", "Stop annotating", "", "annotate", {"Escape"});
  add(r, "presenter.notes", "Speaker notes over the view (one screen)", "", "presenter", {"N"});
  add(r, "lesson.notes_window", "Speaker notes window", "View", "viewer", {"F6"});
  add(r, "palette.open", "Command palette", "View", "global", {"Ctrl+Shift+P", "Ctrl+K"});
  // The Quiz panel (ui/quiz_panel.hpp): sessions of every type or of one,
  // and answering without the mouse. No keys: digits and letters are taken
  // by views and selection; the palette and menu reach them.
  add(r, "quiz.start", "Quiz: start a session", "View > Quiz", "viewer");
  add(r, "quiz.start_point_to", "Quiz: point-to questions", "View > Quiz", "viewer");
  add(r, "quiz.start_name_it", "Quiz: name-it questions", "View > Quiz", "viewer");
  add(r, "quiz.start_facts", "Quiz: fact questions", "View > Quiz", "viewer");
  add(r, "quiz.start_trigger_point", "Quiz: trigger-point questions", "View > Quiz", "viewer");
  add(r, "quiz.start_movement", "Quiz: movement questions", "View > Quiz", "viewer");
  add(r, "quiz.start_section", "Quiz: section questions", "View > Quiz", "viewer");
  add(r, "quiz.next", "Quiz: next question", "View > Quiz", "viewer");
  add(r, "quiz.dont_know", "Quiz: I don't know", "", "viewer");
  add(r, "quiz.replay", "Quiz: play the movement again", "", "viewer");
  for (const char* n : {"1", "2", "3", "4"})
    r.add(CommandInfo{std::string("quiz.choose_") + n, std::string("Quiz: choose option ") + n, "", "viewer", {}, false});
  add(r, "quiz.stop", "Quiz: end the session", "View > Quiz", "viewer");

  // Motion (ui/motion_commands.cpp): presets and reset are undoable steps;
  // the movement chosen shows its producers; Play and Play action only preview.
  add(r, "motion.reset", "Reset pose to neutral", "View > Pose", "viewer");
  for (const motion::PosePreset& p : motion::pose_presets())
    r.add(CommandInfo{"motion.preset." + p.id, "Pose: " + p.name, "View > Pose", "viewer", {}, false});
  add(r, "motion.play", "Play the chosen movement", "View > Pose", "viewer");
  add(r, "motion.movement.none", "No movement's producers", "View > Producers of", "viewer");
  for (const motion::Movement& m : motion::all_movements()) {
    const std::string name = motion::to_string(m), id = motion::movement_id(m);
    r.add(CommandInfo{"motion.movement." + id, "Producers of " + name, "View > Producers of", "viewer", {}, false});
    r.add(CommandInfo{
        "motion.play_action." + id, "Play action: " + name + " (selected muscle highlighted)", "", "viewer", {}, false});
  }

  // One per panel, "View > Panels" (panel_command_id of each title).
  for (const char* title : {"Structures", "Search", "Info", "Trigger points", "Where does it hurt?", "Red flags", "Quiz",
                            "Motion", "Lesson", "Annotations", "Section"})
    r.add(CommandInfo{panel_command_id(title), std::string(title) + " panel", "View > Panels", "global", {}, false});
  add(r, "panel.help", "Keyboard shortcuts", "Help", "global", {"F1"});
  add(r, "help.about", "About Crus", "Help", "global");
}

} // namespace crus
