#pragma once
// The leg's kinematic chain (no GL): four joint coordinates pose six rigid
// bodies (femur fixed; tibia with the fibula; patella; talus; foot =
// calcaneus, tarsals and metatarsals; toes) with the published joints of
// Rajagopal et al. 2016, read from assets/motion/joints.json. Each body gets
// the rigid transform that takes a point from its rest (default-pose)
// position to its posed position in the model frame (metres, +X anterior,
// +Y superior, +Z lateral).
#include "core/motion/spline.hpp"

#include <glm/mat3x3.hpp>
#include <glm/vec3.hpp>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace crus::motion {

// Crus's joint coordinates, in degrees, with anatomical signs: knee flexion
// positive; ankle dorsiflexion positive (plantarflexion negative); subtalar
// inversion positive (eversion negative); toe extension positive (the toes
// move up). The model's mtp_angle_r has the opposite sign (flexion positive):
// the conversion happens only in joints.json's model_sign.
enum class Coordinate { knee = 0, ankle = 1, subtalar = 2, mtp = 3 };
inline constexpr std::size_t kCoordinateCount = 4;
inline constexpr std::array<Coordinate, kCoordinateCount> kCoordinates{Coordinate::knee, Coordinate::ankle, Coordinate::subtalar,
                                                                       Coordinate::mtp};
const char* to_string(Coordinate c); // "knee", "ankle", "subtalar", "mtp"
std::optional<Coordinate> parse_coordinate(const std::string& name);

// A movement: one coordinate's positive or negative direction ("ankle
// plantarflexion"); names and ids in core/motion/producers.hpp.
struct Movement {
  Coordinate coordinate = Coordinate::ankle;
  int direction = -1; // +1: the coordinate's positive direction, -1: negative
  bool operator==(const Movement&) const = default;
};

struct Pose {
  double knee_deg = 0.0;
  double ankle_deg = 0.0;
  double subtalar_deg = 0.0;
  double mtp_deg = 0.0;
  double& operator[](Coordinate c);
  double operator[](Coordinate c) const;
  bool operator==(const Pose&) const = default;
};

// A rigid transform p' = r p + t.
struct Rigid {
  glm::dmat3 r{1.0};
  glm::dvec3 t{0.0};
  glm::dvec3 operator()(const glm::dvec3& p) const { return r * p + t; }
  Rigid operator*(const Rigid& o) const { return {r * o.r, r * o.t + t}; }
  Rigid inverse() const;
};
// Rotation by `angle` (radians, right hand) about the line through `centre` along unit `axis`.
Rigid rotation_about(const glm::dvec3& axis, const glm::dvec3& centre, double angle);
// Body-fixed X-Y-Z rotation (OpenSim's orientation of a frame): Rx(a) Ry(b) Rz(c).
glm::dmat3 rotation_xyz_body_fixed(const glm::dvec3& angles);

struct CoordinateInfo {
  Coordinate id = Coordinate::knee;
  std::string model_coordinate; // e.g. "mtp_angle_r"
  double min_deg = 0.0, max_deg = 0.0;
  std::string positive, negative; // "flexion", "extension" ...
  double model_sign = 1.0;        // model value = model_sign * Crus value
};

struct Body {
  std::string id;                   // femur, tibia, patella, talus, foot, toes
  std::string model_body;           // femur_r ...
  int parent = -1;                  // index, -1 for the fixed femur
  Rigid rest_frame;                 // body frame -> model frame in the default pose
  std::vector<std::string> carries; // atlas bone ids moving rigidly with it
};

// A function of one coordinate (radians, model sign): constant, linear or spline.
struct CoordinateFunction {
  double constant = 0.0;
  double slope = 0.0;
  CubicSpline spline;
  double operator()(double q) const { return spline.empty() ? constant + slope * q : spline(q); }
};

struct Joint {
  std::string id; // knee, patellofemoral, ankle, subtalar, mtp
  std::string model_joint;
  int parent = -1, child = -1; // body indices
  Coordinate coordinate = Coordinate::knee;
  bool pin = false;
  // Pin: axis (unit) and centre in the model frame, default pose.
  glm::dvec3 axis{0.0}, centre{0.0};
  // Custom (OpenSim CustomJoint): frames fixed in parent and child bodies,
  // then three body-fixed rotations and three translations along axes of the
  // parent's joint frame, each a function of the coordinate.
  Rigid parent_offset, child_offset;
  std::array<glm::dvec3, 3> rotation_axes{}, translation_axes{};
  std::array<CoordinateFunction, 3> rotations, translations;
  // Joint-frame transform at model coordinate q (radians).
  Rigid custom_transform(double q) const;
};

struct MotionModel {
  std::string source;
  std::array<CoordinateInfo, kCoordinateCount> coordinates;
  std::vector<Body> bodies;  // parents before children
  std::vector<Joint> joints; // in chain order: a joint's parent is posed before it
  // Non-bone structures carried rigidly by a body until soft tissue deforms.
  std::vector<std::pair<std::string, int>> followers;

  int body_index(const std::string& id) const; // -1 when absent
  // The body carrying an atlas structure (a bone, or a follower); -1 when none.
  int body_of_structure(const std::string& structure_id) const;
  bool is_rigid_bone(const std::string& structure_id) const; // carried exactly, not approximated
  const CoordinateInfo& info(Coordinate c) const { return coordinates[static_cast<std::size_t>(c)]; }
};

// Reads joints.json; throws InputError naming the file and field.
MotionModel load_motion_model(const std::string& path);
MotionModel load_motion_model_text(const std::string& text, const std::string& name);

// Rest-to-posed transform of every body, indexed like model.bodies. No range
// check: angles outside the published range are extrapolated (moment arms
// take differences just past the ends).
std::vector<Rigid> pose_bodies(const MotionModel& model, const Pose& pose);
void pose_bodies(const MotionModel& model, const Pose& pose, std::vector<Rigid>& out); // no allocation once sized

// Throws InputError naming `where` when a coordinate is outside its range or not finite.
void check_pose(const MotionModel& model, const Pose& pose, const std::string& where);
// "knee=90,ankle=-20": the named coordinates set, the others left as in `base`.
// Throws InputError naming `where` for an unknown joint, a bad number, a
// repeated joint, an empty item or an angle outside the range.
Pose parse_pose(const MotionModel& model, const std::string& text, const std::string& where, Pose base = {});

} // namespace crus::motion
