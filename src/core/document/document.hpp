#pragma once
// The document: the single source of truth for what the viewer shows. Panels,
// shortcuts and the CLI change it only through the named actions below; each
// lands in the undo history. The renderer reads a DrawList made from it.
#include "core/document/annotations.hpp"
#include "core/geometry/camera.hpp"
#include "core/motion/kinematics.hpp"
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace crus {

struct Scene;

enum class Visibility : std::uint8_t { shown, ghosted, hidden };

struct Highlights {
  bool origin = false;
  bool insertion = false;
  bool innervation = false;
  bool function = false;
  bool operator==(const Highlights&) const = default;
};

enum class OverlayMode : std::uint8_t { none, trigger_point, muscle, all };

struct Overlay {
  OverlayMode mode = OverlayMode::none;
  std::string target; // trigger-point id or muscle id
  bool colour_blind_safe = false;
  // A quiz: the zones without the trigger point's marker, which would give
  // the answer away.
  bool zone_only = false;
  bool operator==(const Overlay&) const = default;
};

// The section plane of the viewer (issue 11): off by default; when on, the
// model is cut at `fraction` of the way from the knee joint centre down to
// the ankle joint centre, the plane tilted `tilt_deg` about the
// mediolateral axis (positive raises its anterior side), as `crus section`.
struct SectionView {
  bool on = false;
  double fraction = 0.40;
  double tilt_deg = 0.0;
  bool slice = false;             // the flat 2D slice shown in a panel beside the 3D view
  bool tint_compartments = false; // each muscle's cut in its compartment's tint
  bool operator==(const SectionView&) const = default;
};

struct DocumentState {
  std::vector<Visibility> visibility; // one per scene structure
  int selected = -1;
  std::set<int> pinned; // structures labelled besides the selection
  Highlights highlights;
  int peel_layer = 0;  // structures with layer <= this are hidden (0: none)
  bool mirror = false; // show a left leg
  Overlay overlay;
  motion::Pose pose;             // the leg's joint angles (degrees); neutral by default
  bool colour_by_length = false; // muscles coloured by length change from neutral
  // The movement chosen in the Motion panel ("which muscles produce this
  // movement?"): its producers are listed and coloured by rank.
  std::optional<motion::Movement> movement;
  Annotations annotations; // pins, arrows and ink (by structure id, rest frame)
  SectionView section;
  bool operator==(const DocumentState&) const = default;
};

class Document {
public:
  Document() = default;
  explicit Document(std::size_t structure_count);
  void reset(std::size_t structure_count); // new scene: everything shown, history cleared

  const DocumentState& state() const { return state_; }
  std::uint64_t revision() const { return revision_; } // changes whenever state does

  // Named actions. Each records one undo step (when it changes anything).
  void select(int structure);
  void clear_selection();
  void set_visibility(const std::vector<int>& structures, Visibility v, const std::string& action_name = "");
  void isolate(const std::vector<int>& structures);
  void show_all();
  void set_pinned(int structure, bool pinned);
  void set_highlights(const Highlights& h);
  void set_peel_layer(int layer);
  void set_mirror(bool mirror);
  void set_overlay(const Overlay& overlay);
  // `name` says which (e.g. "Pose: deep squat", "Pose: knee"); the pose is
  // not range-checked here: the Motion panel only offers poses in range.
  void set_pose(const motion::Pose& pose, const std::string& name = "Pose");
  void set_colour_by_length(bool on);
  // None: no movement's producers are shown.
  void set_movement(const std::optional<motion::Movement>& movement);
  // Annotations (core/document/annotations.hpp): `name` says what changed ("Add pin",
  // "Edit pin text", "Ink stroke", "Clear ink").
  void set_annotations(const Annotations& annotations, const std::string& name);
  // `name` says what changed ("Section on", "Section down"); fraction and
  // tilt are clamped to what the plane allows (0..1, -80..80 degrees).
  void set_section(const SectionView& section, const std::string& name = "Section");
  // A whole state at once (opening a scene, stepping a lesson): one undo step.
  // A state for another structure count is refused (returns false).
  bool load_state(const DocumentState& state, const std::string& action_name);

  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  std::string undo_name() const { return undo_.empty() ? "" : undo_.back().name; }
  std::string redo_name() const { return redo_.empty() ? "" : redo_.back().name; }
  bool undo();
  bool redo();

  // Transient state, not in the history: hover and the camera.
  int hovered() const { return hovered_; }
  void set_hovered(int structure);

private:
  struct Step {
    std::string name;
    DocumentState before;
  };
  void apply(const std::string& name, DocumentState next);
  DocumentState state_;
  std::vector<Step> undo_, redo_;
  std::uint64_t revision_ = 1;
  int hovered_ = -1;
  static constexpr std::size_t kMaxHistory = 200;
};

} // namespace crus
