#pragma once
// The recipe of every structure of the atlas: its field, its colour and how
// finely to mesh it. Built from the published figures in reference_data.
#include "atlas/sdf.hpp"
#include "core/io/atlas_manifest.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace crus::atlas {

// The model ends in a clean transverse cut of the thigh at this height
// (metres, model frame): 9 cm above the knee joint centre, about 5 cm above
// the base of the patella, just above the division of the sciatic nerve at
// the apex of the popliteal fossa. The skin and the deep fascia end here;
// the femur and the sciatic nerve a few millimetres lower, so cut faces
// never coincide.
constexpr float kThighCut = 0.545f;
constexpr float kThighCutInset = 0.004f;
// The heights (model y) between which a held tendon (muscles.cpp) or a held
// deep nerve trunk (nerves.cpp) is kept inside the deep fascia: from 39% of
// the way from the knee down to the ankle (above, in the popliteal fossa and
// the upper calf, its neighbours hold it) to 89% (below, the ankle's tendons
// stand out under a thin skin). A tendon may be held lower (Tendon::held_bottom).
constexpr float kHeldTop = 0.300f, kHeldBottom = 0.100f;

// How far a muscle's edge is rounded where it is kept to a border or a room.
constexpr float kKeepRound = 0.002f;

struct StructureSpec {
  std::string id;
  std::string name;
  StructureKind kind = StructureKind::other;
  glm::vec4 colour{1.0f};
  Field field;
  float cell = 0.001f;            // grid spacing, metres
  std::size_t target_main = 8000; // triangles, main level of detail
  std::size_t target_lod1 = 2000;
  // Muscles: the paths of the belly and then of each tendon, for the
  // vertices' fibre coordinates (a tendon's arc length goes on from the
  // path it leaves).
  std::vector<std::shared_ptr<const Sweep>> fibre_paths;
  // A cheap field enclosing `field` (before carving); what the skin wraps.
  Field hull;
  // Muscles with tendons: the belly and the tendons apart, so that each
  // vertex can take the colour of the part it lies on.
  std::optional<Field> belly;
  std::optional<Field> tendons;
  // Muscles: the room the muscle keeps to once the nerves have been routed
  // round its whole shape (generator.cpp), for a trim the nerves should not
  // move into. Its box need not enclose it: it is only intersected with the
  // field, the edge rounded over keep_round (0: a sharp edge).
  std::optional<Field> keep_after_routing;
  float keep_round = kKeepRound;
  // Nerves: the routed trunk alone (no motor branches), which the muscles and
  // tendons it passes make room for (generator.cpp).
  std::optional<Field> trunk;
  // Nerves: each muscular branch, from the trunk into its muscle (manifest).
  std::vector<MotorBranch> motor_branches;
};

// Anatomical colours (linear RGBA).
glm::vec4 bone_colour();
glm::vec4 muscle_colour();
glm::vec4 tendon_colour();
glm::vec4 nerve_colour();
glm::vec4 skin_colour();
glm::vec4 ligament_colour();

std::vector<StructureSpec> build_bones();
// Muscles and the calcaneal tendon; `bones` are carved out of them.
std::vector<StructureSpec> build_muscles(const std::vector<StructureSpec>& bones);
// Trunks are routed between `around` (bones, muscles, tendons): nerve_route.hpp.
std::vector<StructureSpec> build_nerves(const std::vector<StructureSpec>& around);
// Ligaments that join the bones (ligaments.cpp): the patellar ligament.
std::vector<StructureSpec> build_ligaments(const std::vector<StructureSpec>& bones);
// The deep fascia of the leg: the designed outline that the skin lies
// skin_thickness() outside of (outline.cpp).
Field deep_fascia();
// The line the fascia cuts the tibia's subcutaneous face along at height y:
// the crest and the medial border (x, z) of the generated tibia, interpolated
// between the levels outline.cpp measured. Empty outside those levels.
struct FaceLine {
  glm::vec2 crest, border;
};
std::optional<FaceLine> shin_face(float y);
float skin_thickness();
// How far the skin stands off the structures it wraps at height y: the full
// skin_thickness() over the leg, 1.5 mm over the ankle's tendons and malleoli.
float wrap_thickness(float y);
// A muscle or tendon gives way to `room` (a nerve or a held tendon, grown by
// the gap to keep): a groove, where their boxes meet, its lips rounded over
// `blend` (the field rises by up to blend / 4 where the muscle's and the
// room's distances are within `blend` of each other).
inline void give_way(StructureSpec& s, const Field& room, float blend = 0.0008f) {
  if (boxes_overlap(s.field.box, room.box)) s.field = subtract(std::move(s.field), room, blend);
}
// The skin's outline made convex level by level between heights `bottom` and
// `top` (blended in over `fade_top` above and `fade_bottom` below): the
// tape-measure outline of the lower leg, with the subcutaneous fat filling
// between the tendons. A band with a `facing` direction (x, z in the model
// frame; zero: all round) makes only that side of the leg convex: fully
// within 45 degrees of the direction from the level's centre, fading out by
// 70 degrees. Where such bands overlap one all round, the result is as if
// each side were made convex first and then all round; one set of levels
// serves every band.
struct EnvelopeBand {
  float top, bottom, fade_top, fade_bottom;
  glm::vec2 facing{0.0f};
  float weight(float y) const;
};
// Rounds each level's hull below `below` (faded out over `fade` above): its
// corners get `radius`, its flat sides move out by `grow`, and a corner
// that turns by less than about 2 acos(1 - grow / radius) still lies
// inside the rounded hull.
struct EnvelopeRounding {
  float radius = 0.0f, grow = 0.0f, below = 0.0f, fade = 0.0f;
};
Field convex_envelope(const Field& f, const std::vector<EnvelopeBand>& bands, const EnvelopeRounding& rounding = {});
// f clipped to the inside of the fascia (left alone below its lowest level),
// the edge where they meet rounded over `round` (metres) below the height
// `round_below`, fading to a sharp edge 30 mm above it.
Field within_fascia(Field f, const Field& fascia, float round = 0.0f, float round_below = 0.0f);
// One envelope around everything built so far.
StructureSpec build_skin(const std::vector<StructureSpec>& inner);

// The named points of the manifest and the muscle attachment sites.
// Points and patches are snapped onto the surfaces of `bones`.
std::vector<Landmark> build_landmarks(const std::vector<StructureSpec>& bones);
std::vector<AttachmentSite> build_sites(const std::vector<StructureSpec>& bones);
// The field of the structure `id` in `specs`; throws when absent.
const Field& field_of(const std::vector<StructureSpec>& specs, const std::string& id);
// Moves p onto the zero level of f (a few Newton steps along the gradient).
glm::vec3 project_to_surface(const Field& f, glm::vec3 p);

} // namespace crus::atlas
