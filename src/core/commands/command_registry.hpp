#pragma once
// Every user action of the viewer is a named command: an id
// ("view.frame_selected"), a title for menus and the palette, the menu it
// lives in, the context its keys act in, default key chords, and, once the
// viewer binds it, a run function and enabled/checked predicates. Menus, the
// help panel, the command palette, keyboard dispatch, `crus commands` and
// tests all read this one registry; nothing else hard-codes a key.
//
// Plain C++ (no GLFW, no ImGui): keys are named by text ("Ctrl+Shift+Z");
// translating a pressed key into a KeyChord is the ui layer's job
// (ui/command_keys.hpp).
//
// Contexts are free strings. A chord is looked up in the active contexts in
// order, most specific first, and the first context that has the chord owns
// it (even when its command is disabled there). The viewer's contexts:
//   "viewport"  no panel has the keyboard focus (the arrows)
//   "viewer"    no text field is being typed in (letters, digits, Ctrl+Z)
//   "global"    always, even while typing (F1, Ctrl+Q, Ctrl+=, Ctrl+K)
// Later modes push their own in front ("presenter", "quiz").
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crus {

struct KeyChord {
  bool ctrl = false;
  bool shift = false;
  bool alt = false;
  std::string key; // one of key_names()
  bool operator==(const KeyChord&) const = default;
};

// Every key a chord may name: "A".."Z", "0".."9", "=", "-", "/", ",", ".",
// ";", "'", "[", "]", "\\", "`", "Space", "Escape", "Enter", "Tab",
// "Backspace", "Insert", "Delete", "Left", "Right", "Up", "Down", "PageUp",
// "PageDown", "Home", "End", "F1".."F12", "Keypad0".."Keypad9",
// "KeypadAdd", "KeypadSubtract".
const std::vector<std::string>& key_names();

// "Ctrl+Shift+Z", "shift+left", "F1", "=": modifiers Ctrl, Shift, Alt in
// any order and case, then one key (letters and names case-insensitive).
// nullopt and `why` set when the text is not a chord.
std::optional<KeyChord> parse_key_chord(std::string_view text, std::string* why = nullptr);
// The canonical spelling: modifiers in the order Ctrl, Shift, Alt.
std::string to_string(const KeyChord& chord);

// What a command is, as data: enough for menus, `crus commands` and
// conflict checks without any of the viewer's objects.
struct CommandInfo {
  std::string id;      // lower-case words joined by '.' and '_': "view.zoom_in"
  std::string title;   // "Zoom in"
  std::string menu;    // "View"; empty: in no menu (palette and keys only)
  std::string context; // where its keys act (see above)
  std::vector<KeyChord> keys;
  bool repeat = false; // a held key repeats it (zoom, orbit)
};

struct Command {
  CommandInfo info;
  std::function<void()> run;     // empty until bound
  std::function<bool()> enabled; // empty: always enabled
  std::function<bool()> checked; // empty: not a toggle
  bool bound() const { return static_cast<bool>(run); }
};

class CommandRegistry {
public:
  // Adds a command; std::invalid_argument on a malformed or taken id, a
  // missing title or context.
  void add(CommandInfo info);
  // Gives a registered command its behaviour; std::invalid_argument when no
  // command has the id (a typo must not leave an action unbound silently).
  void bind(std::string_view id, std::function<void()> run, std::function<bool()> enabled = {},
            std::function<bool()> checked = {});

  const Command* find(std::string_view id) const;
  // In registration order; addresses stay valid while commands are added.
  const std::deque<Command>& all() const { return commands_; }
  bool is_enabled(std::string_view id) const; // bound and enabled
  bool is_checked(std::string_view id) const;
  // Runs the command when bound and enabled; says whether it ran.
  bool run(std::string_view id);

  // The command `chord` belongs to in the active contexts (most specific
  // first), or null.
  const Command* match(const KeyChord& chord, const std::vector<std::string>& contexts) const;
  // match, then run. `repeat`: the key is held down and repeating; only
  // commands marked `repeat` act on those.
  bool dispatch(const KeyChord& chord, const std::vector<std::string>& contexts, bool repeat = false);

  // Replaces a command's chords (the user's key file).
  void set_keys(std::string_view id, std::vector<KeyChord> keys);
  // "Ctrl+Y or Ctrl+Shift+Z", or "" for none.
  std::string keys_text(std::string_view id) const;
  // Every chord used by two commands of one context, one line each:
  // "Ctrl+= in global: text.larger and view.zoom_in". `nested`: contexts that
  // are active together (the viewer's "viewport", "viewer", "global"); a
  // chord in two of them is a conflict too, as the more specific one would
  // hide the other. Contexts meant to override (a presenter mode) are left
  // out of `nested`.
  std::vector<std::string> conflicts(const std::vector<std::string>& nested = {}) const;
  // Whether two commands cannot share a chord (see conflicts).
  static bool share_keys_space(const CommandInfo& a, const CommandInfo& b, const std::vector<std::string>& nested);
  // Commands whose title or id contains every word of `query` (any case),
  // titles that start with the query first, then in registration order.
  std::vector<const Command*> search(std::string_view query) const;

private:
  Command* find_mutable(std::string_view id);
  std::deque<Command> commands_;
};

} // namespace crus
