#pragma once
// Orbit camera maths (no GL): yaw/pitch/distance around a target, the six
// anatomical views, smooth transitions between poses, zoom to cursor.
#include "core/geometry/mesh.hpp"
#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <optional>
#include <string>

namespace crus {

enum class AnatomicalView { anterior, posterior, medial, lateral, superior, inferior };
const char* to_string(AnatomicalView view);
std::optional<AnatomicalView> parse_view(const std::string& text);

struct CameraPose {
  glm::vec3 target{0.0f};
  float distance = 1.0f;
  float yaw = 0.0f;   // radians about +Y; 0 looks from +X (anterior) toward -X
  float pitch = 0.0f; // radians; +pi/2 looks down from above
  bool operator==(const CameraPose&) const = default;
};

// The same view of the mirrored model (reflected in the plane z = 0): the
// target moves to the other side and the yaw turns the other way, so a
// leg in the middle of the view stays there when it is mirrored.
CameraPose mirrored_pose(const CameraPose& pose);

class OrbitCamera {
public:
  float fov_y = 0.6f; // radians (about 34 degrees)

  const CameraPose& pose() const { return pose_; }
  void set_pose(const CameraPose& pose);

  glm::vec3 eye() const;
  glm::vec3 forward() const; // from eye to target, unit
  glm::mat4 view() const;
  glm::mat4 projection(float aspect) const;

  // Frames `box` from `view`, with the side (medial/lateral) worked out for
  // the leg's side: lateral is +Z for a right leg, -Z for a mirrored left one.
  // `aspect` is the viewport's width / height, so the box fits both ways.
  CameraPose pose_for(AnatomicalView view, const Aabb& box, bool left_side = false, float aspect = 1.0f) const;
  void frame(const Aabb& box, float aspect = 1.0f); // keeps the direction, fits the box
  // Keeps the direction and fits `box` inside the part of the screen that
  // panels and bars leave free (`free_min`..`free_max` in normalised device
  // coordinates, y up), with `margin` (a fraction of that part) left clear
  // on every side; the box's centre lands in the middle of the free part.
  CameraPose framing_pose(const Aabb& box, float aspect, glm::vec2 free_min = glm::vec2(-1.0f),
                          glm::vec2 free_max = glm::vec2(1.0f), float margin = 0.08f) const;
  // The same picture moved from one free part of the screen to another
  // (panels opened or closed; normalised device coordinates, y up): what lay
  // in the middle of the old part lies in the middle of the new one, scaled
  // by how much the largest box of `content`'s shape (the model's size on
  // screen, in the same coordinates; a square if none) that fits in the part
  // shrank or grew. The model keeps its fit, and closing the panel again
  // brings back the pose it started from.
  CameraPose refit_pose(float aspect, glm::vec2 old_min, glm::vec2 old_max, glm::vec2 new_min, glm::vec2 new_max,
                        glm::vec2 content = glm::vec2(0.0f)) const;
  // Where the camera is going: a running transition's end, else the pose.
  const CameraPose& destination() const { return animating() ? to_ : pose_; }
  // The distance at which `box` just fits the view from direction yaw/pitch.
  float fit_distance(const Aabb& box, float yaw, float pitch, float aspect) const;

  // Starts a smooth transition to `to` lasting `seconds`; update() advances it.
  void animate_to(const CameraPose& to, float seconds = 0.45f);
  // Advances a running transition; returns true while still moving.
  bool update(float dt_seconds);
  bool animating() const { return anim_t_ < 1.0f; }

  // Interactive controls. Deltas are in pixels of a viewport of `size`.
  void orbit(glm::vec2 delta_pixels);
  void pan(glm::vec2 delta_pixels, glm::vec2 viewport);
  // Zooms by `steps` (positive closer) keeping the point under the cursor
  // fixed on screen. `cursor` in pixels, top-left origin.
  void zoom_at(float steps, glm::vec2 cursor, glm::vec2 viewport);

private:
  CameraPose pose_{};
  CameraPose from_{}, to_{};
  float anim_t_ = 1.0f;
  float anim_duration_ = 0.0f;
};

} // namespace crus
