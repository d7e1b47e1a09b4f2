#pragma once
// Input events in the order they happened, and their replay one UI frame at
// a time. Dear ImGui 1.86 samples key and button state once per frame, so a
// tap, a chord or a double-click that starts and ends within one frame (a
// quarter of a second with software rendering) would be lost; the platform
// queues every event and the replay hands them out so that no key or button
// changes twice in one frame. Plain data: no GLFW, no ImGui.
#include <array>
#include <deque>
#include <glm/vec2.hpp>
#include <optional>
#include <vector>

namespace crus {

struct InputEvent {
  enum class Kind { key, mouse_button, cursor, scroll, character };
  Kind kind = Kind::key;
  int code = 0;           // key (GLFW's numbering: ASCII for printable keys) or mouse button
  bool down = false;      // key and mouse_button
  glm::vec2 value{0.0f};  // cursor: position in window pixels; scroll: offsets
  unsigned codepoint = 0; // character
  double time = 0.0;      // seconds on the platform's clock
};

constexpr int kInputKeys = 512;
constexpr int kInputButtons = 5;

// What one UI frame sees: the state after the events taken for it.
struct FrameInput {
  std::array<bool, kInputKeys> keys{};
  std::array<bool, kInputButtons> buttons{};
  std::optional<glm::vec2> cursor;  // none until the pointer has moved over the window
  glm::vec2 scroll{0.0f};           // summed over the frame
  std::vector<unsigned> characters; // typed text
  double time = 0.0;                // the frame's time: its last event's while catching up, else now
  bool more = false;                // events are left for the next frame
};

// While an atlas loads, the window shows only a loading note: keys and typed
// text stay queued for the leg that is coming (a shortcut pressed during the
// load runs once it ends), while clicks and scrolls, aimed at a note, are
// dropped and the pointer's moves collapse to its last position.
void keep_for_after_load(std::deque<InputEvent>& queue);

class InputReplay {
public:
  // Takes events from the front of `queue`, in order, stopping before one
  // that would change a key or button already changed in this frame, and
  // before a modifier's change (Shift, Ctrl, Alt, Super) that follows a key
  // press or a button change in this frame, so that the key or click is read
  // with the modifiers held when it was made. The first event is always taken.
  // `now` is the platform clock, the frame's time once the queue is empty.
  FrameInput take_frame(std::deque<InputEvent>& queue, double now);
  // Lets go of every key and button (the window lost the focus).
  void release_all();

private:
  std::array<bool, kInputKeys> keys_{};
  std::array<bool, kInputButtons> buttons_{};
  std::optional<glm::vec2> cursor_;
};

} // namespace crus
