#include "core/geometry/camera.hpp"

#include <glm/gtc/constants.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <algorithm>
#include <cctype>
#include <cmath>

namespace crus {

const char* to_string(AnatomicalView view) {
  switch (view) {
    case AnatomicalView::anterior: return "anterior";
    case AnatomicalView::posterior: return "posterior";
    case AnatomicalView::medial: return "medial";
    case AnatomicalView::lateral: return "lateral";
    case AnatomicalView::superior: return "superior";
    case AnatomicalView::inferior: return "inferior";
  }
  return "anterior";
}

std::optional<AnatomicalView> parse_view(const std::string& text) {
  std::string lower = text; // "Posterior" works as well as "posterior"
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (auto v : {AnatomicalView::anterior, AnatomicalView::posterior, AnatomicalView::medial, AnatomicalView::lateral,
                 AnatomicalView::superior, AnatomicalView::inferior})
    if (lower == to_string(v)) return v;
  return std::nullopt;
}

namespace {
constexpr float kMaxPitch = glm::half_pi<float>() - 0.001f;

glm::vec3 direction_from(float yaw, float pitch) {
  // Unit vector from the target toward the eye.
  return {std::cos(pitch) * std::cos(yaw), std::sin(pitch), std::cos(pitch) * std::sin(yaw)};
}

float wrap_angle(float a) {
  const float two_pi = glm::two_pi<float>();
  a = std::fmod(a, two_pi);
  if (a > glm::pi<float>()) a -= two_pi;
  if (a < -glm::pi<float>()) a += two_pi;
  return a;
}

float smoothstep01(float t) { return t * t * (3.0f - 2.0f * t); }
} // namespace

CameraPose mirrored_pose(const CameraPose& pose) {
  CameraPose m = pose;
  m.target.z = -pose.target.z;
  m.yaw = -pose.yaw; // the eye direction (cos yaw, ., sin yaw) reflected in z
  return m;
}

void OrbitCamera::set_pose(const CameraPose& pose) {
  pose_ = pose;
  pose_.pitch = std::clamp(pose_.pitch, -kMaxPitch, kMaxPitch);
  pose_.distance = std::max(pose_.distance, 1e-3f);
  anim_t_ = 1.0f;
}

glm::vec3 OrbitCamera::eye() const { return pose_.target + direction_from(pose_.yaw, pose_.pitch) * pose_.distance; }
glm::vec3 OrbitCamera::forward() const { return -direction_from(pose_.yaw, pose_.pitch); }

glm::mat4 OrbitCamera::view() const {
  glm::vec3 f = forward();
  // Near the poles keep "up" pointing anterior so superior/inferior views are
  // stable and the toes point up the screen.
  glm::vec3 up = std::abs(f.y) > 0.98f ? glm::vec3(-std::cos(pose_.yaw), 0.0f, -std::sin(pose_.yaw)) * (f.y < 0 ? 1.0f : -1.0f)
                                       : glm::vec3(0, 1, 0);
  return glm::lookAt(eye(), pose_.target, up);
}

glm::mat4 OrbitCamera::projection(float aspect) const {
  float near_plane = std::max(pose_.distance * 0.02f, 1e-4f);
  float far_plane = pose_.distance * 10.0f + 1.0f;
  return glm::perspective(fov_y, std::max(aspect, 1e-3f), near_plane, far_plane);
}

float OrbitCamera::fit_distance(const Aabb& box, float yaw, float pitch, float aspect) const {
  if (!box.valid()) return 1.0f;
  glm::vec3 back = direction_from(yaw, pitch); // target -> eye
  glm::vec3 up_hint = std::abs(back.y) > 0.98f ? glm::vec3(std::cos(yaw), 0.0f, std::sin(yaw)) : glm::vec3(0, 1, 0);
  glm::vec3 right = glm::normalize(glm::cross(up_hint, back));
  glm::vec3 up = glm::cross(back, right);
  float tan_v = std::tan(fov_y * 0.5f);
  float tan_h = tan_v * std::max(aspect, 1e-3f);
  glm::vec3 c = box.centre();
  float distance = 1e-3f;
  for (int i = 0; i < 8; ++i) {
    glm::vec3 corner{i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y, i & 4 ? box.max.z : box.min.z};
    glm::vec3 d = corner - c;
    float x = std::abs(glm::dot(d, right)), y = std::abs(glm::dot(d, up)), z = glm::dot(d, back);
    // The corner must sit inside the frustum: |x| <= (D - z) tan_h.
    distance = std::max({distance, x / tan_h + z, y / tan_v + z});
  }
  return distance * 1.06f; // a small margin
}

CameraPose OrbitCamera::pose_for(AnatomicalView view, const Aabb& box, bool left_side, float aspect) const {
  CameraPose p;
  p.target = box.valid() ? box.centre() : glm::vec3(0.0f);
  float lateral_z = left_side ? -1.0f : 1.0f;
  switch (view) {
    case AnatomicalView::anterior:
      p.yaw = 0.0f;
      p.pitch = 0.0f;
      break;
    case AnatomicalView::posterior:
      p.yaw = glm::pi<float>();
      p.pitch = 0.0f;
      break;
    case AnatomicalView::lateral:
      p.yaw = lateral_z * glm::half_pi<float>();
      p.pitch = 0.0f;
      break;
    case AnatomicalView::medial:
      p.yaw = -lateral_z * glm::half_pi<float>();
      p.pitch = 0.0f;
      break;
    case AnatomicalView::superior:
      p.yaw = glm::pi<float>();
      p.pitch = kMaxPitch;
      break;
    case AnatomicalView::inferior:
      p.yaw = glm::pi<float>();
      p.pitch = -kMaxPitch;
      break;
  }
  p.distance = fit_distance(box, p.yaw, p.pitch, aspect);
  return p;
}

void OrbitCamera::frame(const Aabb& box, float aspect) {
  if (!box.valid()) return;
  animate_to(framing_pose(box, aspect));
}

CameraPose OrbitCamera::framing_pose(const Aabb& box, float aspect, glm::vec2 free_min, glm::vec2 free_max, float margin) const {
  CameraPose p = pose_;
  if (!box.valid()) return p;
  free_min = glm::clamp(free_min, glm::vec2(-1.0f), glm::vec2(1.0f));
  free_max = glm::clamp(free_max, glm::vec2(-1.0f), glm::vec2(1.0f));
  if (free_max.x - free_min.x < 0.1f || free_max.y - free_min.y < 0.1f) {
    free_min = glm::vec2(-1.0f); // panels cover nearly everything: use the whole view
    free_max = glm::vec2(1.0f);
  }
  const glm::vec2 centre = 0.5f * (free_min + free_max);
  const glm::vec2 half = 0.5f * (free_max - free_min) * (1.0f - 2.0f * std::clamp(margin, 0.0f, 0.4f));
  glm::vec3 back = direction_from(p.yaw, p.pitch); // target -> eye
  // The same screen axes as view(), so that the fit matches what is drawn.
  glm::mat4 v = view();
  glm::vec3 right(v[0][0], v[1][0], v[2][0]);
  glm::vec3 up(v[0][1], v[1][1], v[2][1]);
  const float tan_v = std::tan(fov_y * 0.5f);
  const float tan_h = tan_v * std::max(aspect, 1e-3f);
  const glm::vec3 c = box.centre();
  // With the box centre at `centre` on screen, a corner offset (x, y, z) from
  // it (z toward the eye) lands at (centre.x D tan_h + x) / ((D - z) tan_h);
  // keeping that within centre.x +- half.x gives a least D per corner and side.
  float distance = 1e-3f;
  for (int i = 0; i < 8; ++i) {
    glm::vec3 corner{i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y, i & 4 ? box.max.z : box.min.z};
    glm::vec3 d = corner - c;
    float x = glm::dot(d, right), y = glm::dot(d, up), z = glm::dot(d, back);
    for (float s : {1.0f, -1.0f}) {
      distance = std::max(distance, (s * x + (s * centre.x + half.x) * z * tan_h) / (tan_h * half.x));
      distance = std::max(distance, (s * y + (s * centre.y + half.y) * z * tan_v) / (tan_v * half.y));
    }
    distance = std::max(distance, z + 1e-3f); // never inside the box
  }
  p.distance = distance;
  // Move the orbit centre so that the box centre projects to `centre`.
  p.target = c - right * (centre.x * distance * tan_h) - up * (centre.y * distance * tan_v);
  return p;
}

CameraPose OrbitCamera::refit_pose(float aspect, glm::vec2 old_min, glm::vec2 old_max, glm::vec2 new_min, glm::vec2 new_max,
                                   glm::vec2 content) const {
  CameraPose p = pose_;
  const glm::vec2 old_size = old_max - old_min, new_size = new_max - new_min;
  if (old_size.x <= 1e-3f || old_size.y <= 1e-3f || new_size.x <= 1e-3f || new_size.y <= 1e-3f) return p;
  const glm::mat4 v = view();
  const glm::vec3 right(v[0][0], v[1][0], v[2][0]), up(v[0][1], v[1][1], v[2][1]);
  const float tan_v = std::tan(fov_y * 0.5f), tan_h = tan_v * std::max(aspect, 1e-3f);
  // The point on the target's plane in the middle of the old part...
  const glm::vec2 from = 0.5f * (old_min + old_max), to = 0.5f * (new_min + new_max);
  const glm::vec3 middle = p.target + right * (from.x * p.distance * tan_h) + up * (from.y * p.distance * tan_v);
  // ...seen from as much farther as the part got smaller for the content:
  // the scale at which it just fits each part, new over old. Scaling the
  // content scales both alike, so going back undoes it.
  if (!(content.x > 1e-6f && content.y > 1e-6f)) content = glm::vec2(1.0f / std::max(aspect, 1e-3f), 1.0f); // a square
  auto fit = [content](glm::vec2 size) { return std::min(size.x / content.x, size.y / content.y); };
  const float scale = fit(new_size) / fit(old_size);
  p.distance = p.distance / scale;
  // ...lands in the middle of the new part.
  p.target = middle - right * (to.x * p.distance * tan_h) - up * (to.y * p.distance * tan_v);
  return p;
}

void OrbitCamera::animate_to(const CameraPose& to, float seconds) {
  from_ = pose_;
  to_ = to;
  to_.pitch = std::clamp(to_.pitch, -kMaxPitch, kMaxPitch);
  // Take the short way round.
  to_.yaw = from_.yaw + wrap_angle(to_.yaw - from_.yaw);
  anim_duration_ = std::max(seconds, 1e-3f);
  anim_t_ = 0.0f;
  if (seconds <= 0.0f) {
    pose_ = to_;
    anim_t_ = 1.0f;
  }
}

bool OrbitCamera::update(float dt_seconds) {
  if (anim_t_ >= 1.0f) return false;
  anim_t_ = std::min(1.0f, anim_t_ + std::max(dt_seconds, 0.0f) / anim_duration_);
  float s = smoothstep01(anim_t_);
  pose_.target = glm::mix(from_.target, to_.target, s);
  // Interpolate distance geometrically so zooms feel even.
  pose_.distance = std::exp(glm::mix(std::log(from_.distance), std::log(to_.distance), s));
  pose_.yaw = glm::mix(from_.yaw, to_.yaw, s);
  pose_.pitch = glm::mix(from_.pitch, to_.pitch, s);
  return anim_t_ < 1.0f;
}

void OrbitCamera::orbit(glm::vec2 delta_pixels) {
  anim_t_ = 1.0f;
  constexpr float kRadiansPerPixel = 0.008f;
  pose_.yaw = wrap_angle(pose_.yaw + delta_pixels.x * kRadiansPerPixel);
  pose_.pitch = std::clamp(pose_.pitch + delta_pixels.y * kRadiansPerPixel, -kMaxPitch, kMaxPitch);
}

void OrbitCamera::pan(glm::vec2 delta_pixels, glm::vec2 viewport) {
  anim_t_ = 1.0f;
  glm::mat4 v = view();
  glm::vec3 right(v[0][0], v[1][0], v[2][0]);
  glm::vec3 up(v[0][1], v[1][1], v[2][1]);
  float world_per_pixel = 2.0f * pose_.distance * std::tan(fov_y * 0.5f) / std::max(viewport.y, 1.0f);
  pose_.target += (-right * delta_pixels.x + up * delta_pixels.y) * world_per_pixel;
}

void OrbitCamera::zoom_at(float steps, glm::vec2 cursor, glm::vec2 viewport) {
  anim_t_ = 1.0f;
  float factor = std::pow(0.85f, steps);
  float new_distance = std::clamp(pose_.distance * factor, 0.01f, 20.0f);
  // The point under the cursor on the plane through the target facing the
  // camera stays put: move the target toward it by the zoom fraction.
  glm::mat4 v = view();
  glm::vec3 right(v[0][0], v[1][0], v[2][0]);
  glm::vec3 up(v[0][1], v[1][1], v[2][1]);
  float aspect = viewport.x / std::max(viewport.y, 1.0f);
  float half_h = pose_.distance * std::tan(fov_y * 0.5f);
  glm::vec2 ndc{(cursor.x / std::max(viewport.x, 1.0f)) * 2.0f - 1.0f, 1.0f - (cursor.y / std::max(viewport.y, 1.0f)) * 2.0f};
  glm::vec3 under = pose_.target + right * (ndc.x * half_h * aspect) + up * (ndc.y * half_h);
  float moved = 1.0f - new_distance / pose_.distance;
  pose_.target += (under - pose_.target) * moved;
  pose_.distance = new_distance;
}

} // namespace crus
