#pragma once
// The flat list the renderer draws each frame, made from the document.
#include <cstddef>
#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>
#include <vector>

namespace crus {

// Painted pain points are sampled down to at most this many zones: a
// resolution choice for the brush, not a limit on overlays (those travel to the
// shader in a texture buffer; see core/document/overlay_pack.hpp).
constexpr std::size_t kMaxPaintedZones = 256;

struct DrawItem {
  int structure = -1;        // index into Scene::structures
  glm::mat4 transform{1.0f}; // rest-to-current of the structure (SceneStructure::transform)
  glm::vec4 colour{1.0f};    // linear RGB + alpha (alpha < 1 drawn translucent)
  glm::vec3 emphasis{0.0f};  // added glow: selection, hover, innervation
  float rim = 0.0f;          // rim light for the selection
  bool translucent = false;  // skin, ghosted structures
  bool patches = false;      // attachment patches painted on this item
  bool zones = false;        // referral zones painted on this item (skin)
  bool flat_colour = false;  // `colour` replaces the mesh's vertex colours (muscles coloured by length)
};

// Overlays belong to the structure they lie on (`structure`, an index into
// Scene::structures); -1 paints every item that takes that kind of overlay.
struct PatchHighlight {
  int structure = -1;
  glm::vec3 a{0.0f};
  glm::vec3 b{0.0f};
  float radius = 0.0f;
  glm::vec3 colour{1.0f};
};

struct ZoneShape {
  int structure = -1;
  enum class Kind { ellipsoid, capsule } kind = Kind::ellipsoid;
  glm::vec3 a{0.0f};   // centre, or capsule end a
  glm::vec3 b{0.0f};   // radii, or capsule end b
  float radius = 0.0f; // capsule radius
  glm::vec3 colour{0.85f, 0.05f, 0.05f};
  bool essential = true; // solid; spillover is hatched
};

struct Arrow {
  glm::vec3 from{0.0f};
  glm::vec3 to{0.0f};
  glm::vec3 colour{1.0f};
  float width = 0.004f;
  bool head = true; // false: a plain line (e.g. the tendon's path to its pulley)
};

struct Marker {
  glm::vec3 position{0.0f};
  glm::vec3 colour{1.0f};
  glm::vec3 normal{1.0f, 0.0f, 0.0f}; // the X lies across this direction
  float size = 0.01f;                 // half-size of the X
};

struct DrawList {
  std::vector<DrawItem> items;
  std::vector<PatchHighlight> patches;
  std::vector<ZoneShape> zones;
  std::vector<Arrow> arrows;
  std::vector<Marker> markers;
  glm::mat4 model{1.0f};                     // identity, or a mirror for a left leg
  glm::vec3 background{0.11f, 0.12f, 0.14f}; // sRGB
  bool ambient_occlusion = true;             // shade with the atlas's baked ambient occlusion (where it has one)
};

} // namespace crus
