#pragma once
// What a teacher puts on the view: pins (a point on a structure with a short
// text), arrows (from one such point to another, or from a text to one) and
// ink (freehand strokes over the view). Points on the anatomy are stored as a
// structure id plus a position in that structure's rest frame (the model
// frame of the neutral pose), so they stay on the anatomy when the camera or
// the leg moves; ink is stored normalised to the viewport (0..1, y down),
// since it is drawn over a picture, not on the model. Plain C++ and GLM.
#include "core/geometry/mesh.hpp"

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace crus {

struct Scene;

// Bounds on what a file may hold (far above what a lesson needs).
constexpr std::size_t kAnnotationTextBytes = 200;
constexpr std::size_t kAnnotationPoints = 500; // pins plus arrows
constexpr std::size_t kInkStrokes = 500;
constexpr std::size_t kInkStrokePoints = 5000;

struct AnatomyPoint {
  std::string structure; // structure id; kept even when the atlas lacks it
  glm::vec3 rest{0.0f};  // model frame, neutral pose, metres
  bool operator==(const AnatomyPoint&) const = default;
};

struct PinNote {
  AnatomyPoint at;
  std::string text;
  bool operator==(const PinNote&) const = default;
};

struct ArrowNote {
  std::optional<AnatomyPoint> from; // none: the arrow starts at its text, beside the tip
  AnatomyPoint to;
  std::string text;
  bool operator==(const ArrowNote&) const = default;
};

struct InkStroke {
  std::vector<glm::vec2> points; // viewport-normalised: (0, 0) top left, (1, 1) bottom right
  bool operator==(const InkStroke&) const = default;
};

struct Annotations {
  std::vector<PinNote> pins;
  std::vector<ArrowNote> arrows;
  std::vector<InkStroke> ink;
  bool empty() const { return pins.empty() && arrows.empty() && ink.empty(); }
  bool operator==(const Annotations&) const = default;
};

// The scene's "annotations" object (already checked against the schema);
// range faults (a point beyond 100 m, a text over kAnnotationTextBytes, ink
// outside 0..1, too many of anything) throw InputError at `locate(path)`.
Annotations annotations_from_json(const nlohmann::json& json, const std::string& path,
                                  const std::function<std::string(const std::string&)>& locate);
nlohmann::ordered_json annotations_to_json(const Annotations& annotations);

// Every structure id the annotations name, each once, in the order met.
std::vector<std::string> annotation_structure_ids(const Annotations& annotations);

// A place on a mesh: a triangle and barycentric weights. The same anchor
// evaluated on the posed mesh (same triangles, moved vertices) follows the
// skinning, so a pin stays on the bent leg.
struct SurfaceAnchor {
  int triangle = -1;
  glm::vec3 weights{1.0f, 0.0f, 0.0f};
  float distance = 0.0f; // from the stored point to the surface, metres
};
// The nearest point of `mesh` to `p` (nullopt for an empty mesh).
std::optional<SurfaceAnchor> anchor_on_mesh(const Mesh& mesh, glm::vec3 p);
glm::vec3 anchor_position(const Mesh& mesh, const SurfaceAnchor& anchor);
glm::vec3 anchor_normal(const Mesh& mesh, const SurfaceAnchor& anchor);
// A point on triangle `triangle` of `posed` (a ray hit) carried back to the
// same place on `rest`: how a click on the bent leg becomes a rest position.
glm::vec3 rest_point_of_hit(const Mesh& rest, const Mesh& posed, int triangle, glm::vec3 posed_point);

// Snaps every pin and arrow end onto the nearest surface point of its
// structure in `rest` (after the atlas was regenerated, a stored point may
// sit a little off the new surface). Points whose structure the atlas lacks
// are kept unchanged and their ids reported.
struct SnapReport {
  std::vector<std::string> unknown_ids; // each once
  int moved = 0;                        // points moved by more than 0.5 mm
  float largest_move = 0.0f;            // metres
};
SnapReport snap_annotations(Annotations& annotations, const Scene& rest);

// One line for the Problems list, or "" when nothing is worth saying.
std::string describe_snap(const SnapReport& report);

} // namespace crus
