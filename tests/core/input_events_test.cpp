#include "core/commands/input_events.hpp"

#include <gtest/gtest.h>

using namespace crus;

namespace {

InputEvent key(int code, bool down, double t) {
  InputEvent e;
  e.kind = InputEvent::Kind::key;
  e.code = code;
  e.down = down;
  e.time = t;
  return e;
}

InputEvent button(int b, bool down, double t) {
  InputEvent e = key(b, down, t);
  e.kind = InputEvent::Kind::mouse_button;
  return e;
}

InputEvent cursor(float x, float y, double t) {
  InputEvent e;
  e.kind = InputEvent::Kind::cursor;
  e.value = {x, y};
  e.time = t;
  return e;
}

TEST(InputReplay, APressAndReleaseWithinOneFrameAreSeenInTwoFrames) {
  InputReplay replay;
  std::deque<InputEvent> queue{key('R', true, 1.00), key('R', false, 1.05)};
  FrameInput first = replay.take_frame(queue, 1.25);
  EXPECT_TRUE(first.keys['R']);
  EXPECT_TRUE(first.more);
  EXPECT_DOUBLE_EQ(first.time, 1.00); // catching up: the event's time
  FrameInput second = replay.take_frame(queue, 1.50);
  EXPECT_FALSE(second.keys['R']);
  EXPECT_FALSE(second.more);
  EXPECT_DOUBLE_EQ(second.time, 1.50);
  EXPECT_TRUE(queue.empty());
}

TEST(InputReplay, AChordKeepsItsOrder) {
  // Ctrl down, = down, = up, Ctrl up, all in one slow frame: the frame that
  // sees = pressed also sees Ctrl held.
  InputReplay replay;
  std::deque<InputEvent> queue{key(341, true, 0.0), key('=', true, 0.01), key('=', false, 0.02), key(341, false, 0.03)};
  FrameInput a = replay.take_frame(queue, 0.3);
  EXPECT_TRUE(a.keys[341]);
  EXPECT_TRUE(a.keys['=']);
  FrameInput b = replay.take_frame(queue, 0.6);
  EXPECT_FALSE(b.keys['=']);
  EXPECT_FALSE(b.keys[341]);
  EXPECT_FALSE(b.more);
}

TEST(InputReplay, AModifierLetGoBeforeItsKeyIsStillHeldForIt) {
  // What the X server sends for `xdotool key shift+x` and, with a fast
  // release, for a person: Shift down, X down, Shift up, X up. Taken in one
  // frame after the Shift press (the window woke for it), the X must be seen
  // with Shift held, not as a plain X (the section toggled instead of its
  // slice shown; Ctrl+Shift+P typed as P under a slow build).
  InputReplay replay;
  std::deque<InputEvent> queue{key(340, true, 0.0)};
  FrameInput shift = replay.take_frame(queue, 0.05);
  EXPECT_TRUE(shift.keys[340]);
  queue = {key('X', true, 0.1), key(340, false, 0.1), key('X', false, 0.1)};
  FrameInput pressed = replay.take_frame(queue, 0.3);
  EXPECT_TRUE(pressed.keys['X']);
  EXPECT_TRUE(pressed.keys[340]);
  FrameInput after = replay.take_frame(queue, 0.6);
  EXPECT_FALSE(after.keys[340]);
  EXPECT_FALSE(after.keys['X']);
  EXPECT_FALSE(after.more);
}

TEST(InputReplay, ChordPressedAcrossFramesKeepsBothModifiers) {
  // Ctrl and Shift down in one frame, then P down, Shift up, Ctrl up, P up
  // in the next: the frame that sees P pressed sees Ctrl and Shift.
  InputReplay replay;
  std::deque<InputEvent> queue{key(341, true, 0.0), key(340, true, 0.05)};
  replay.take_frame(queue, 0.05);
  queue = {key('P', true, 0.1), key(340, false, 0.1), key(341, false, 0.1), key('P', false, 0.1)};
  FrameInput pressed = replay.take_frame(queue, 0.3);
  EXPECT_TRUE(pressed.keys['P']);
  EXPECT_TRUE(pressed.keys[340]);
  EXPECT_TRUE(pressed.keys[341]);
  int frames = 0;
  while (!queue.empty() && frames < 5) {
    FrameInput f = replay.take_frame(queue, 0.6);
    ++frames;
    EXPECT_FALSE(f.keys['P'] && !(f.keys[340] && f.keys[341])) << "P held without its modifiers in frame " << frames;
  }
  EXPECT_TRUE(queue.empty());
}

TEST(InputReplay, AKeyLetGoDoesNotHoldBackTheModifiers) {
  // X up, then the right Shift down, in one frame: nothing is read from a
  // key let go, so the Shift press need not wait (one frame, not two).
  InputReplay replay;
  std::deque<InputEvent> queue{key('X', true, 0.0)};
  replay.take_frame(queue, 0.05);
  queue = {key('X', false, 0.1), key(344, true, 0.12)};
  FrameInput f = replay.take_frame(queue, 0.3);
  EXPECT_FALSE(f.keys['X']);
  EXPECT_TRUE(f.keys[344]);
  EXPECT_FALSE(f.more);
}

TEST(InputReplay, TheRightHandModifiersAreModifiersToo) {
  // Right Ctrl (345) let go after P: P is read with it held.
  InputReplay replay;
  std::deque<InputEvent> queue{key(345, true, 0.0)};
  replay.take_frame(queue, 0.05);
  queue = {key('P', true, 0.1), key(345, false, 0.1), key('P', false, 0.1)};
  FrameInput f = replay.take_frame(queue, 0.3);
  EXPECT_TRUE(f.keys['P']);
  EXPECT_TRUE(f.keys[345]);
}

TEST(InputReplay, AModifierLetGoAfterAClickWaitsForTheNextFrame) {
  // Shift+click: the click is read with Shift held.
  InputReplay replay;
  std::deque<InputEvent> queue{key(340, true, 0.0)};
  replay.take_frame(queue, 0.05);
  queue = {button(0, true, 0.1), key(340, false, 0.12), button(0, false, 0.13)};
  FrameInput a = replay.take_frame(queue, 0.3);
  EXPECT_TRUE(a.buttons[0]);
  EXPECT_TRUE(a.keys[340]);
  FrameInput b = replay.take_frame(queue, 0.6); // then both let go, in their order
  EXPECT_FALSE(b.keys[340]);
  EXPECT_FALSE(b.buttons[0]);
  EXPECT_FALSE(b.more);
}

TEST(InputReplay, ADoubleClickBecomesFourFramesAtTheClickedPlace) {
  InputReplay replay;
  std::deque<InputEvent> queue{cursor(10, 20, 0.0),   button(0, true, 0.01),  button(0, false, 0.05),
                               button(0, true, 0.12), button(0, false, 0.16), cursor(300, 300, 0.2)};
  std::vector<FrameInput> frames;
  while (!queue.empty() && frames.size() < 10) frames.push_back(replay.take_frame(queue, 0.25));
  // Four frames for the four button changes, a fifth for the move after them.
  ASSERT_EQ(frames.size(), 5u);
  const bool expected[] = {true, false, true, false, false};
  for (std::size_t i = 0; i < frames.size(); ++i) {
    EXPECT_EQ(frames[i].buttons[0], expected[i]) << i;
    ASSERT_TRUE(frames[i].cursor);
    if (i < 4) {
      EXPECT_EQ(*frames[i].cursor, glm::vec2(10, 20)) << i; // the clicks land where they were made
    }
  }
  EXPECT_EQ(*frames.back().cursor, glm::vec2(300, 300)); // then the pointer moves on
  EXPECT_LT(frames[2].time - frames[0].time, 0.3);       // close enough in time for a double-click
}

TEST(InputReplay, ScrollAndTextAreSummedAndKept) {
  InputReplay replay;
  InputEvent s;
  s.kind = InputEvent::Kind::scroll;
  s.value = {0.0f, 1.0f};
  InputEvent c;
  c.kind = InputEvent::Kind::character;
  c.codepoint = 's';
  std::deque<InputEvent> queue{s, s, c};
  c.codepoint = 'o';
  queue.push_back(c);
  FrameInput f = replay.take_frame(queue, 0.0);
  EXPECT_FLOAT_EQ(f.scroll.y, 2.0f);
  ASSERT_EQ(f.characters.size(), 2u);
  EXPECT_EQ(f.characters[1], static_cast<unsigned>('o'));
  replay.release_all();
  EXPECT_FALSE(replay.take_frame(queue, 1.0).keys['R']);
}

// Keys pressed while the atlas loads run once it has loaded (issue 9): the
// loading loop keeps them queued instead of clearing the queue.
TEST(InputReplay, KeysTypedDuringALoadAreKeptAndReplayedAfterIt) {
  InputEvent text;
  text.kind = InputEvent::Kind::character;
  text.codepoint = 'r';
  InputEvent wheel = cursor(0.0f, 1.0f, 1.04);
  wheel.kind = InputEvent::Kind::scroll;
  std::deque<InputEvent> queue{
      cursor(5, 5, 1.00),     key(295, true, 1.01), button(0, true, 1.02), key(295, false, 1.03), wheel, text,
      button(0, false, 1.05), cursor(9, 7, 1.06)};
  keep_for_after_load(queue);
  ASSERT_EQ(queue.size(), 4u); // the F6 press and release, the text, the pointer's last place
  EXPECT_EQ(queue[0].kind, InputEvent::Kind::key);
  EXPECT_TRUE(queue[0].down);
  EXPECT_EQ(queue[1].kind, InputEvent::Kind::key);
  EXPECT_FALSE(queue[1].down);
  EXPECT_EQ(queue[2].codepoint, 'r');
  EXPECT_EQ(queue[3].value, glm::vec2(9, 7));

  // The main loop then sees the press in one frame and the release in the next.
  InputReplay replay;
  FrameInput first = replay.take_frame(queue, 2.0);
  EXPECT_TRUE(first.keys[295]);
  EXPECT_TRUE(first.more);
  FrameInput second = replay.take_frame(queue, 2.1);
  EXPECT_FALSE(second.keys[295]);
  EXPECT_EQ(second.characters, std::vector<unsigned>{'r'});
  EXPECT_EQ(second.cursor, glm::vec2(9, 7));
  EXPECT_FALSE(second.buttons[0]);
}

} // namespace
