#pragma once
// The session: what is loaded (the scene with its manifest, the knowledge
// base, trigger points, red flags, the search and pick indexes) and the
// document over it, and the one place that turns them into what is drawn:
// the draw list, the selection's highlights and labels, the referral
// overlay, the bounds of what is drawn and the camera that frames it, and
// the handout's views. The viewer, `crus render`, `crus handout`,
// `crus bench`, lesson export and the quiz worksheet all draw from a
// session, so a document gives the same picture everywhere.
//
// What it derives is cached by the document's revision (and by the scene's
// generation, which changes when the meshes move), so asking twice in a
// frame costs nothing. Plain C++: no GL, no ImGui.
#include "core/geometry/camera.hpp"
#include "core/document/document.hpp"
#include "core/document/draw_builder.hpp"
#include "core/document/highlights.hpp"
#include "core/anatomy/knowledge.hpp"
#include "core/geometry/picking.hpp"
#include "core/anatomy/red_flags.hpp"
#include "core/anatomy/referral_overlay.hpp"
#include "core/document/scene.hpp"
#include "core/anatomy/search.hpp"
#include "core/anatomy/trigger_points.hpp"

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <vector>

namespace crus {

// What the picture shows besides the document: the painted pain area and
// a background other than the list's default.
struct DrawExtras {
  std::vector<glm::vec3> painted;      // model frame
  float brush_radius = 0.015f;         // metres
  std::optional<glm::vec3> background; // sRGB
  bool operator==(const DrawExtras&) const = default;
};

class Session {
public:
  // An empty scene, owned by the session (the viewer loads into it).
  Session();
  // A scene the caller keeps alive for the session's lifetime (a command's
  // own scene, which it may cut or pose): borrowed, not copied.
  explicit Session(Scene& borrowed);
  // A scene and a document both kept by the caller (a test or a tool that
  // wires its own viewer context).
  Session(Scene& borrowed, Document& document);
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // A new scene, owned: the document, the knowledge-derived data and every
  // cache start afresh. Call set_knowledge and the clinical setters after.
  void set_scene(Scene scene);
  // The same, with its pick index already built over the same meshes (the
  // viewer builds it on the loading thread, so the first frame comes sooner).
  void set_scene(Scene scene, PickIndex picks);
  Scene& scene() { return *scene_; }
  const Scene& scene() const { return *scene_; }
  Document& document() { return *document_; }
  const Document& document() const { return *document_; }

  // The knowledge base names the structures and gives their layers and the
  // search index (remade when trigger points arrive: their symptoms are found too).
  void set_knowledge(KnowledgeBase knowledge);
  const KnowledgeBase& knowledge() const { return knowledge_; }
  bool has_knowledge() const { return has_knowledge_; }
  const std::vector<int>& layers() const { return layers_; }
  const SearchIndex& search(); // made on first use: `crus render` never asks
  void set_trigger_points(std::optional<TriggerPointSet> set);
  void set_red_flags(std::optional<RedFlagSet> set);
  const TriggerPointSet* trigger_points() const { return trigger_points_ ? &*trigger_points_ : nullptr; }
  const RedFlagSet* red_flags() const { return red_flags_ ? &*red_flags_ : nullptr; }

  // The pick index over the scene's meshes, built on first use, each mesh
  // with its structure's rest-to-current transform. Building takes tens of
  // milliseconds, so a moving leg keeps the soft tissue's old hierarchies
  // until pose_picks(true) (the viewer calls it once the leg stops).
  const PickIndex& picks();
  void rebuild_picks(); // every mesh anew
  // The scene was posed in place: every structure's transform goes to the
  // index (a bone's hierarchy stays: it is built on its rest mesh), and with
  // `soft_tissue` the deformed meshes (those with rest positions) are built
  // again. Nothing is built when the index was never asked for.
  void pose_picks(bool soft_tissue);

  // The meshes changed in place (a pose): what was derived from them is
  // made again when next asked for.
  void scene_changed() { ++scene_generation_; }
  std::uint64_t scene_generation() const { return scene_generation_; }

  // The selection's highlights (patches, the nerve lit, arrows, labels).
  const SelectionHighlights& highlights();
  // The document's referral overlay (empty without trigger points or when
  // the overlay is off). A target that does not exist gives an empty
  // overlay and overlay_error() (the InputError), so a frame never throws.
  const OverlayInputs& overlay();
  std::exception_ptr overlay_error();
  // The draw list of the document as it stands, with `extras`.
  const DrawList& draw_list(const DrawExtras& extras = {});
  // The list for a handout's pictures: `overlay` and `painted` on the
  // document's visibility, nothing selected, not mirrored, on white.
  DrawList handout_draw_list(const Overlay& overlay, const std::vector<glm::vec3>& painted, float brush_radius);
  // The camera of a handout's picture: `view` of what is drawn, not mirrored.
  OrbitCamera handout_camera(AnatomicalView view, float aspect);

  // Bounds of the structures drawn in the model frame (the whole scene when
  // none is; a small box round the origin for an empty scene).
  Aabb drawn_box();
  // The same as it appears (mirrored for a left leg).
  Aabb visible_bounds();
  // A camera looking from `view` at what is drawn (or at `box`), as the
  // document shows it (mirrored or not).
  OrbitCamera camera_for(AnatomicalView view, float aspect);
  OrbitCamera camera_for(AnatomicalView view, float aspect, const Aabb& box) const;

  // How often each derived thing was made, for tests of the caching.
  struct Counts {
    int highlights = 0, overlays = 0, draw_lists = 0, boxes = 0;
    int pick_meshes = 0; // pick hierarchies built, one per mesh
  };
  const Counts& counts() const { return counts_; }

private:
  struct Key {
    std::uint64_t revision = 0, scene = 0;
    bool operator==(const Key&) const = default;
  };
  Key key() const { return {document_->revision(), scene_generation_}; }
  void reset_derived();

  std::optional<Scene> owned_;
  Scene* scene_ = nullptr;
  Document owned_document_;
  Document* document_ = &owned_document_;
  KnowledgeBase knowledge_;
  bool has_knowledge_ = false;
  std::vector<int> layers_;
  SearchIndex search_;
  bool search_made_ = false;
  std::optional<TriggerPointSet> trigger_points_;
  std::optional<RedFlagSet> red_flags_;
  PickIndex picks_;
  bool picks_built_ = false;
  std::uint64_t scene_generation_ = 1;

  // The highlights and the overlay depend on a part of the state only: hover
  // (a new revision at every mouse move) does not remake them.
  struct HighlightKey {
    int selected = -1;
    Highlights toggles;
    std::uint64_t scene = 0;
    bool operator==(const HighlightKey&) const = default;
  };
  struct OverlayKey {
    Overlay overlay;
    std::uint64_t scene = 0;
    bool operator==(const OverlayKey&) const = default;
  };
  SelectionHighlights highlights_;
  std::optional<HighlightKey> highlights_key_;
  OverlayInputs overlay_;
  std::exception_ptr overlay_error_;
  std::optional<OverlayKey> overlay_key_;
  DrawList list_;
  std::optional<Key> list_key_;
  int list_hovered_ = -1;
  DrawExtras list_extras_;
  Aabb box_;
  std::optional<Key> box_key_;
  Counts counts_;
};

// Bounds of the structures drawn under `state` (model frame, not mirrored);
// the whole scene's box when none is, a small box round the origin for an
// empty scene. The session caches it; this is its one computation.
Aabb drawn_bounds(const Scene& scene, const DocumentState& state, const std::vector<int>& layers);

} // namespace crus
