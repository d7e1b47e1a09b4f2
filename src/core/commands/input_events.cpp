#include "core/commands/input_events.hpp"

namespace crus {

namespace {

// GLFW's codes for Shift, Ctrl, Alt and Super, left then right.
bool is_modifier(int code) { return code >= 340 && code <= 347; }

} // namespace

FrameInput InputReplay::take_frame(std::deque<InputEvent>& queue, double now) {
  FrameInput frame;
  std::array<bool, kInputKeys> key_changed{};
  std::array<bool, kInputButtons> button_changed{};
  // A key pressed, or a button pressed or let go, in this frame is read with
  // the modifiers held in this frame, so a modifier's change after it waits
  // for the next frame: Shift+X sent as Shift down, X down, Shift up, X up
  // must not become a plain X (the X server may let go of Shift before X).
  bool other_changed = false;
  double last_time = now;
  while (!queue.empty()) {
    const InputEvent& e = queue.front();
    if (e.kind == InputEvent::Kind::key && e.code >= 0 && e.code < kInputKeys) {
      auto k = static_cast<std::size_t>(e.code);
      if (keys_[k] != e.down) {
        if (key_changed[k]) break; // its second change waits for the next frame
        if (is_modifier(e.code) && other_changed) break;
        key_changed[k] = true;
        keys_[k] = e.down;
        other_changed = other_changed || (e.down && !is_modifier(e.code)); // a key let go runs nothing
      }
    } else if (e.kind == InputEvent::Kind::mouse_button && e.code >= 0 && e.code < kInputButtons) {
      auto b = static_cast<std::size_t>(e.code);
      if (buttons_[b] != e.down) {
        if (button_changed[b]) break;
        button_changed[b] = true;
        buttons_[b] = e.down;
        other_changed = true;
      }
    } else if (e.kind == InputEvent::Kind::cursor) {
      // A move after a button changed waits too: the click lands where it was made.
      bool any_button_changed = false;
      for (bool c : button_changed) any_button_changed = any_button_changed || c;
      if (any_button_changed && cursor_ && *cursor_ != e.value) break;
      cursor_ = e.value;
    } else if (e.kind == InputEvent::Kind::scroll) {
      frame.scroll += e.value;
    } else if (e.kind == InputEvent::Kind::character) {
      frame.characters.push_back(e.codepoint);
    }
    last_time = e.time;
    queue.pop_front();
  }
  frame.keys = keys_;
  frame.buttons = buttons_;
  frame.cursor = cursor_;
  frame.more = !queue.empty();
  frame.time = frame.more ? last_time : now;
  return frame;
}

void keep_for_after_load(std::deque<InputEvent>& queue) {
  std::deque<InputEvent> kept;
  const InputEvent* last_cursor = nullptr;
  for (const InputEvent& e : queue)
    if (e.kind == InputEvent::Kind::cursor) last_cursor = &e;
  for (const InputEvent& e : queue)
    if (e.kind == InputEvent::Kind::key || e.kind == InputEvent::Kind::character || &e == last_cursor) kept.push_back(e);
  queue.swap(kept);
}

void InputReplay::release_all() {
  keys_.fill(false);
  buttons_.fill(false);
}

} // namespace crus
