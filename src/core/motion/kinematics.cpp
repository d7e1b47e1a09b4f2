#include "core/motion/kinematics.hpp"

#include "core/error.hpp"
#include "core/io/file_io.hpp"
#include "core/motion/json_read.hpp"

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <numbers>

namespace crus::motion {

namespace {
constexpr double kDegToRad = std::numbers::pi / 180.0;

glm::dmat3 axis_angle(const glm::dvec3& axis, double angle) {
  const double c = std::cos(angle), s = std::sin(angle), C = 1.0 - c;
  const double x = axis.x, y = axis.y, z = axis.z;
  // Column-major: m[col][row].
  return glm::dmat3(x * x * C + c, y * x * C + z * s, z * x * C - y * s, //
                    x * y * C - z * s, y * y * C + c, z * y * C + x * s, //
                    x * z * C + y * s, y * z * C - x * s, z * z * C + c);
}

CoordinateFunction read_function(const JsonReader& r) {
  CoordinateFunction f;
  if (r.has("constant")) f.constant = r.number("constant");
  else if (r.has("linear")) {
    JsonReader l = r.object("linear");
    f.slope = l.number("slope");
    f.constant = l.number("intercept");
  } else if (r.has("spline")) {
    JsonReader s = r.object("spline");
    try {
      f.spline = CubicSpline(s.numbers("x_rad"), s.numbers("y"));
    } catch (const std::invalid_argument& e) {
      s.fail("spline", e.what());
    }
  } else r.fail("", "expected one of constant, linear, spline");
  return f;
}

Rigid read_offset(const JsonReader& r) {
  return {rotation_xyz_body_fixed(r.vec3("orientation_xyz_body_fixed_rad")), r.vec3("translation")};
}
} // namespace

const char* to_string(Coordinate c) {
  switch (c) {
    case Coordinate::knee: return "knee";
    case Coordinate::ankle: return "ankle";
    case Coordinate::subtalar: return "subtalar";
    case Coordinate::mtp: return "mtp";
  }
  return "?";
}

std::optional<Coordinate> parse_coordinate(const std::string& name) {
  for (Coordinate c : kCoordinates)
    if (name == to_string(c)) return c;
  return std::nullopt;
}

double& Pose::operator[](Coordinate c) {
  switch (c) {
    case Coordinate::knee: return knee_deg;
    case Coordinate::ankle: return ankle_deg;
    case Coordinate::subtalar: return subtalar_deg;
    case Coordinate::mtp: break;
  }
  return mtp_deg;
}
double Pose::operator[](Coordinate c) const { return const_cast<Pose&>(*this)[c]; } // one field table, above

Rigid Rigid::inverse() const {
  const glm::dmat3 rt = glm::transpose(r);
  return {rt, -(rt * t)};
}

Rigid rotation_about(const glm::dvec3& axis, const glm::dvec3& centre, double angle) {
  const glm::dmat3 r = axis_angle(glm::normalize(axis), angle);
  return {r, centre - r * centre};
}

glm::dmat3 rotation_xyz_body_fixed(const glm::dvec3& a) {
  return axis_angle({1, 0, 0}, a.x) * axis_angle({0, 1, 0}, a.y) * axis_angle({0, 0, 1}, a.z);
}

Rigid Joint::custom_transform(double q) const {
  glm::dmat3 r(1.0);
  glm::dvec3 t(0.0);
  for (std::size_t i = 0; i < 3; ++i) {
    r = r * axis_angle(rotation_axes[i], rotations[i](q)); // body-fixed: each about the rotated frame
    t += translation_axes[i] * translations[i](q);         // along the parent's joint-frame axes
  }
  return {r, t};
}

int MotionModel::body_index(const std::string& id) const {
  for (std::size_t i = 0; i < bodies.size(); ++i)
    if (bodies[i].id == id) return static_cast<int>(i);
  return -1;
}

int MotionModel::body_of_structure(const std::string& structure_id) const {
  for (std::size_t i = 0; i < bodies.size(); ++i)
    for (const auto& s : bodies[i].carries)
      if (s == structure_id) return static_cast<int>(i);
  for (const auto& [id, body] : followers)
    if (id == structure_id) return body;
  return -1;
}

bool MotionModel::is_rigid_bone(const std::string& structure_id) const {
  for (const auto& b : bodies)
    for (const auto& s : b.carries)
      if (s == structure_id) return true;
  return false;
}

MotionModel load_motion_model(const std::string& path) { return load_motion_model_text(read_text_file(path), path); }

MotionModel load_motion_model_text(const std::string& text, const std::string& name) {
  JsonDocument doc(text, name);
  JsonReader root = doc.root();
  MotionModel m;
  m.source = root.string("source");

  JsonReader coords = root.array("coordinates");
  std::array<bool, kCoordinateCount> seen{};
  for (std::size_t i = 0; i < coords.size(); ++i) {
    JsonReader c = coords.item(i);
    auto id = parse_coordinate(c.string("id"));
    if (!id) c.fail("id", "unknown coordinate (knee, ankle, subtalar, mtp)");
    CoordinateInfo& info = m.coordinates[static_cast<std::size_t>(*id)];
    info.id = *id;
    info.model_coordinate = c.string("model_coordinate");
    info.min_deg = c.number("min_deg");
    info.max_deg = c.number("max_deg");
    if (!(info.min_deg < info.max_deg)) c.fail("max_deg", "must exceed min_deg");
    info.positive = c.string("positive");
    info.negative = c.string("negative");
    info.model_sign = c.number("model_sign");
    if (info.model_sign != 1.0 && info.model_sign != -1.0) c.fail("model_sign", "must be 1 or -1");
    seen[static_cast<std::size_t>(*id)] = true;
  }
  for (Coordinate c : kCoordinates)
    if (!seen[static_cast<std::size_t>(c)]) coords.fail("", std::string("coordinate ") + to_string(c) + " is missing");

  JsonReader bodies = root.array("bodies");
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    JsonReader b = bodies.item(i);
    Body body;
    body.id = b.string("id");
    body.model_body = b.string("model_body");
    if (!b.is_null("parent")) {
      body.parent = m.body_index(b.string("parent"));
      if (body.parent < 0) b.fail("parent", "must name a body listed before it");
    } else if (!m.bodies.empty()) b.fail("parent", "only the first body may be fixed");
    JsonReader frame = b.object("rest_frame");
    body.rest_frame.t = frame.vec3("origin");
    body.rest_frame.r = frame.mat3_rows("rotation_rows");
    body.carries = b.strings("carries");
    m.bodies.push_back(std::move(body));
  }
  if (m.bodies.empty()) bodies.fail("", "no bodies");

  std::vector<bool> posed(m.bodies.size(), false);
  posed[0] = true;
  JsonReader joints = root.array("joints");
  for (std::size_t i = 0; i < joints.size(); ++i) {
    JsonReader j = joints.item(i);
    Joint joint;
    joint.id = j.string("id");
    joint.model_joint = j.string("model_joint");
    joint.parent = m.body_index(j.string("parent"));
    joint.child = m.body_index(j.string("child"));
    if (joint.parent < 0 || !posed[static_cast<std::size_t>(joint.parent)])
      j.fail("parent", "must be a body posed by an earlier joint");
    if (joint.child < 0 || posed[static_cast<std::size_t>(joint.child)]) j.fail("child", "must be a body not yet posed");
    if (m.bodies[static_cast<std::size_t>(joint.child)].parent != joint.parent)
      j.fail("child", "its body's parent differs from the joint's");
    auto c = parse_coordinate(j.string("coordinate"));
    if (!c) j.fail("coordinate", "unknown coordinate");
    joint.coordinate = *c;
    const std::string type = j.string("type");
    if (type == "pin") {
      joint.pin = true;
      joint.axis = j.vec3("axis");
      if (glm::length(joint.axis) < 1e-9) j.fail("axis", "is zero");
      joint.axis = glm::normalize(joint.axis);
      joint.centre = j.vec3("centre");
    } else if (type == "custom") {
      joint.parent_offset = read_offset(j.object("parent_frame"));
      joint.child_offset = read_offset(j.object("child_frame"));
      JsonReader rot = j.array("rotations"), tr = j.array("translations");
      if (rot.size() != 3) rot.fail("", "expected three rotations");
      if (tr.size() != 3) tr.fail("", "expected three translations");
      for (std::size_t k = 0; k < 3; ++k) {
        joint.rotation_axes[k] = glm::normalize(rot.item(k).vec3("axis"));
        joint.rotations[k] = read_function(rot.item(k));
        joint.translation_axes[k] = glm::normalize(tr.item(k).vec3("axis"));
        joint.translations[k] = read_function(tr.item(k));
      }
    } else j.fail("type", "expected pin or custom");
    posed[static_cast<std::size_t>(joint.child)] = true;
    m.joints.push_back(std::move(joint));
  }
  for (std::size_t b = 0; b < posed.size(); ++b)
    if (!posed[b]) joints.fail("", "no joint moves body " + m.bodies[b].id);

  JsonReader followers = root.object("followers");
  for (const auto& key : followers.keys()) {
    if (key.rfind("$", 0) == 0) continue; // "$comment"
    const int body = m.body_index(key);
    if (body < 0) followers.fail(key, "unknown body");
    for (const auto& s : followers.strings(key.c_str())) {
      if (m.body_of_structure(s) >= 0) followers.fail(key, "structure \"" + s + "\" already has a body");
      m.followers.emplace_back(s, body);
    }
  }
  return m;
}

void pose_bodies(const MotionModel& model, const Pose& pose, std::vector<Rigid>& out) {
  out.assign(model.bodies.size(), Rigid{});
  for (const Joint& j : model.joints) {
    const CoordinateInfo& info = model.info(j.coordinate);
    const double q = info.model_sign * pose[j.coordinate] * kDegToRad;
    const auto p = static_cast<std::size_t>(j.parent), c = static_cast<std::size_t>(j.child);
    if (j.pin) {
      // The pin's axis is fixed in the parent: rotate in the rest frame, then
      // carry along with the parent.
      out[c] = out[p] * rotation_about(j.axis, j.centre, q);
    } else {
      // OpenSim: child frame = parent frame * parent offset * X(q) * child offset^-1.
      const Body& pb = model.bodies[p];
      const Body& cb = model.bodies[c];
      const Rigid parent_posed = out[p] * pb.rest_frame;
      const Rigid child_posed = parent_posed * j.parent_offset * j.custom_transform(q) * j.child_offset.inverse();
      out[c] = child_posed * cb.rest_frame.inverse();
    }
  }
}

std::vector<Rigid> pose_bodies(const MotionModel& model, const Pose& pose) {
  std::vector<Rigid> out;
  pose_bodies(model, pose, out);
  return out;
}

void check_pose(const MotionModel& model, const Pose& pose, const std::string& where) {
  for (Coordinate c : kCoordinates) {
    const CoordinateInfo& info = model.info(c);
    const double v = pose[c];
    if (!std::isfinite(v) || v < info.min_deg - 1e-9 || v > info.max_deg + 1e-9) {
      char buf[160];
      std::snprintf(buf, sizeof buf, "%s=%g is outside its range %g to %g degrees (%s positive)", to_string(c), v, info.min_deg,
                    info.max_deg, info.positive.c_str());
      throw InputError(where, buf);
    }
  }
}

Pose parse_pose(const MotionModel& model, const std::string& text, const std::string& where, Pose base) {
  const std::string expect = "expected JOINT=DEGREES[,JOINT=DEGREES...] with JOINT one of knee, ankle, subtalar, mtp";
  if (text.empty()) throw InputError(where, "is empty; " + expect);
  std::array<bool, kCoordinateCount> set{};
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    const std::string item = text.substr(start, end - start);
    const std::size_t eq = item.find('=');
    if (item.empty() || eq == std::string::npos) throw InputError(where, "\"" + item + "\" is not JOINT=DEGREES; " + expect);
    const std::string name = item.substr(0, eq), value = item.substr(eq + 1);
    auto c = parse_coordinate(name);
    if (!c) throw InputError(where, "unknown joint \"" + name + "\"; " + expect);
    if (set[static_cast<std::size_t>(*c)]) throw InputError(where, "joint \"" + name + "\" is given twice");
    set[static_cast<std::size_t>(*c)] = true;
    double v = 0.0;
    const char* b = value.data();
    const char* e = b + value.size();
    if (!value.empty() && *b == '+') ++b; // from_chars rejects a leading plus
    auto r = std::from_chars(b, e, v);
    if (value.empty() || r.ec != std::errc() || r.ptr != e || !std::isfinite(v))
      throw InputError(where, "\"" + value + "\" is not a number of degrees for " + name);
    base[*c] = v;
    start = end + 1;
    if (end == text.size()) break;
  }
  check_pose(model, base, where);
  return base;
}

} // namespace crus::motion
