#pragma once
// What the panels read and change. The document is changed only through its
// named actions; the camera directly (it is not part of the undo history).
#include "core/geometry/camera.hpp"
#include "core/geometry/cross_section.hpp"
#include "core/commands/command_registry.hpp"
#include "core/document/document.hpp"
#include "core/publish/handout.hpp"
#include "core/document/highlights.hpp"
#include "core/anatomy/knowledge.hpp"
#include "core/motion/musculotendon.hpp"
#include "core/motion/producers.hpp"
#include "core/anatomy/red_flags.hpp"
#include "core/anatomy/referral.hpp"
#include "core/anatomy/referral_overlay.hpp"
#include "core/anatomy/search.hpp"
#include "core/anatomy/trigger_points.hpp"
#include "core/geometry/picking.hpp"
#include "core/document/scene.hpp"
#include "ui/annotation_tools.hpp"
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace crus::ui {

struct FrameStats {
  double frame_ms = 0.0;
  std::size_t triangles = 0;
  std::string renderer;
};

// A smooth movement through key poses (ui/motion_player.hpp): a preset's
// transition, Play, or Play action.
struct MotionAnimation {
  std::vector<motion::Pose> keys; // passed through in order, easing in and out of each
  std::vector<double> seconds;    // per segment (keys.size() - 1)
  double t = 0.0;                 // seconds since the start
  std::string commit;             // the undo step recorded at the end; empty: none
  int highlight = -1;             // the structure whose action plays (-1: none)
};

// The leg's movement: the model (absent for an atlas Crus cannot pose), a
// pose shown but not yet in the document (a slider being dragged, a preset's
// transition, Play), and each muscle's state at the pose shown.
struct MotionView {
  const motion::MotionModel* model = nullptr;
  const motion::MuscleSet* muscles = nullptr;
  std::string problem; // why there is no model, in one line
  std::optional<motion::Pose> preview;
  std::vector<motion::MuscleState> states; // in the order of muscles->muscles
  bool animating = false;                  // keep drawing frames
  bool preparing = false;                  // the soft tissue is still being bound: the pose shown waits, the animation holds
  bool preview_held = false;               // the Quiz holds the preview (a movement question): the Motion panel leaves it
  bool reframe = false;                    // frame the leg once it is in its new pose (a preset moved it far)
  std::optional<MotionAnimation> animation;
  // The producers of the movement chosen in the Motion panel (the
  // document's DocumentState::movement), kept for the pose they were ranked at.
  std::optional<motion::ProducerRanking> ranking;
  // A quiz asks a movement question: the producers' list and colours would
  // give its answer away, so they are hidden until it is answered.
  bool producers_hidden = false;
  motion::Pose ranking_pose;
};

struct ViewerContext {
  Scene* scene = nullptr; // may hold no structures (empty scene)
  Document* document = nullptr;
  OrbitCamera* camera = nullptr;
  const PickIndex* picks = nullptr;
  std::vector<int> layers;                  // per structure (1 = most superficial); empty when unknown
  const KnowledgeBase* knowledge = nullptr; // may be null or partial
  const SearchIndex* search = nullptr;
  std::vector<std::string> knowledge_problems;     // what could not be loaded, one line each
  SelectionHighlights highlights;                  // for the selection, made before the panels draw
  const TriggerPointSet* trigger_points = nullptr; // null when the file could not be loaded
  const RedFlagSet* red_flags = nullptr;
  std::string trigger_point_problem;     // why there is no overlay, in one line
  const SkinIndex* skin_index = nullptr; // nearest skin point queries (on the skin as shown, posed or not)
  // The skin at rest while the leg is posed (same vertices as the scene's
  // skin): painted points are carried there for the referral lookup, since
  // the referral zones are placed on the rest leg. Null at rest.
  const Mesh* rest_skin = nullptr;
  std::uint64_t skin_generation = 0; // changes whenever the shown skin moves
  int skin = -1;                     // structure index of the skin, -1 when none
  OverlayInputs overlay;             // made from document.state().overlay each frame
  // "Where does it hurt?": points painted on the skin (model frame) and the
  // ranked candidates for them; owned by the pain-map panel, drawn by the view.
  std::vector<glm::vec3> painted;
  bool paint_mode = false;     // clicks paint instead of selecting
  float brush_radius = 0.015f; // metres
  // Set by the app. The patient's name, date and notes go onto the page only.
  // The path ends in .pdf (a PDF) or .png (PNG pages); the paper is
  // handout_paper, chosen in the handout dialog.
  std::function<void(const std::string& path, const std::string& trigger_point, const HandoutPatient& patient)> export_handout;
  Paper handout_paper = Paper::a4;
  bool request_search_focus = false; // Ctrl+F or '/'
  int frame_request = -1;            // a panel asks to frame this structure
  MotionView motion;
  // The section plane: while the plane is dragged, where it is shown before
  // the drag ends and lands in the document as one undo step; the labels of
  // the structures it cuts (made by the app with the caps).
  std::optional<SectionView> section_preview;
  std::vector<LabelAnchor> section_labels;
  const SceneSection* section_cut = nullptr; // the structures cut, while the section is on
  std::uint64_t section_revision = 0;        // changes whenever section_cut does
  FrameStats stats;
  std::vector<std::string> messages; // problems to show in the dialog
  bool show_messages = false;
  std::string atlas_path;
  // The projection the 3D view used this frame, for picking and labels.
  glm::mat4 view{1.0f}, projection{1.0f};
  glm::vec2 viewport_size{1.0f}; // in ImGui (logical) pixels
  // Screen rectangles (min, max) of the panels drawn last frame: labels keep clear of them.
  std::vector<std::pair<glm::vec2, glm::vec2>> panel_rects;
  bool quit = false;
  bool light_background = false; // for slides: the 3D view on near-white
  bool ambient_occlusion = true; // shade with the atlas's baked ambient occlusion
  bool reset_settings = false;   // "Reset to defaults": the app puts everything back
  bool mirror_seen = false;      // the mirror the camera was last placed for
  int keep_camera_frames = 0;    // frames in which a scene's or a step's view is not moved for the panels (follow_free_view)
  bool presenting = false;       // presenter mode: full screen, no panels, the lesson owns the arrows
  bool black_screen = false;     // presenter mode's B key
  bool speaker_notes = false;    // presenter mode's N key: the notes over the view (one screen)
  bool notes_window = false;     // the speaker-notes window is wanted (the app opens or closes it)
  std::function<void(const std::string&)> open_atlas; // set by the app
  CommandRegistry* commands = nullptr;                // the shell's, for the help panel and panels that show keys
  AnnotationTools annotate;                           // pins, arrows, ink, laser (ui/annotation_overlay.hpp)
  StepActionPlayback step_action;                     // the lesson step's action being played
};

// The section the 3D view shows: the drag's preview when there is one, else the document's.
SectionView shown_section(const ViewerContext& ctx);

// The pose the 3D view shows: the preview when there is one, else the document's.
motion::Pose shown_pose(const ViewerContext& ctx);

// Camera framing helpers shared by menus and shortcuts.
// Both fit into the part of the window the side panels leave free (as
// drawn last frame), so that the start-up view, R, 1-6, F and a double-click
// never leave the leg under a panel.
void go_to_view(ViewerContext& ctx, AnatomicalView view, bool animate = true);
void frame_structure(ViewerContext& ctx, int structure);
// Fits `box` (as drawn: mirrored for a left leg) into the free part of the view.
void frame_box(ViewerContext& ctx, const Aabb& box);
// That free part in normalised device coordinates (min, max; y up): the
// window less the menu and status bars and the panels at its sides; the
// whole width when panels cover the middle (`whole_width` says so).
std::pair<glm::vec2, glm::vec2> free_view_ndc(const ViewerContext& ctx, bool* whole_width = nullptr);
Aabb visible_bounds(const ViewerContext& ctx);
// After the panels were laid out again (a panel opened or closed, the text
// size changed, Tab, presenter mode; not a window being resized): the
// picture the free part of the view showed (`before`, as free_view_ndc gave
// it then) moves into the free part left now, scaled to fit, so that a panel
// opening over the middle never hides the leg and closing it brings the view
// back. Not when either part is the whole width because panels cover the
// middle (nowhere better to go), nor while ctx.keep_camera_frames holds a
// view a scene or a lesson step just placed for its own panels. Returns
// whether it moved.
bool follow_free_view(ViewerContext& ctx, const std::pair<glm::vec2, glm::vec2>& before, bool before_whole_width = false);
// When the document's mirror changed (menu, key, undo), moves the camera to
// the mirrored leg so that it stays where it was on screen.
void follow_mirror(ViewerContext& ctx);

} // namespace crus::ui
