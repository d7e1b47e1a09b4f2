#include "core/commands/command_registry.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <stdexcept>

namespace crus {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> make_key_names() {
  std::vector<std::string> names;
  for (char c = 'A'; c <= 'Z'; ++c) names.emplace_back(1, c);
  for (char c = '0'; c <= '9'; ++c) names.emplace_back(1, c);
  for (const char* s :
       {"=",     "-",   "/",         ",",      ".",      ";",    "'",     "[",  "]",    "\\",     "`",        "Space", "Escape",
        "Enter", "Tab", "Backspace", "Insert", "Delete", "Left", "Right", "Up", "Down", "PageUp", "PageDown", "Home",  "End"})
    names.emplace_back(s);
  for (int f = 1; f <= 12; ++f) names.push_back("F" + std::to_string(f));
  for (int k = 0; k <= 9; ++k) names.push_back("Keypad" + std::to_string(k));
  names.emplace_back("KeypadAdd");
  names.emplace_back("KeypadSubtract");
  return names;
}

// Ids are what users write in their key file: keep them plain.
bool valid_id(std::string_view id) {
  if (id.empty() || id.front() == '.' || id.back() == '.') return false;
  bool dot = false;
  char prev = 0;
  for (char c : id) {
    if (c == '.') {
      if (prev == '.') return false;
      dot = true;
    } else if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_')) {
      return false;
    }
    prev = c;
  }
  return dot;
}

} // namespace

const std::vector<std::string>& key_names() {
  static const std::vector<std::string> names = make_key_names();
  return names;
}

std::optional<KeyChord> parse_key_chord(std::string_view text, std::string* why) {
  auto fail = [&](const std::string& message) -> std::optional<KeyChord> {
    if (why) *why = message;
    return std::nullopt;
  };
  if (text.empty()) return fail("an empty key chord");
  if (text.back() == '+') return fail("\"" + std::string(text) + "\" ends with '+'; write the plus key as Shift+= or KeypadAdd");
  KeyChord chord;
  std::size_t start = 0;
  while (true) {
    const std::size_t plus = text.find('+', start);
    const std::string_view part = text.substr(start, plus == std::string_view::npos ? std::string_view::npos : plus - start);
    if (plus == std::string_view::npos) {
      const std::string want = lower(part);
      for (const std::string& name : key_names())
        if (lower(name) == want) {
          chord.key = name;
          return chord;
        }
      return fail("\"" + std::string(part) +
                  "\" is not a key (keys: A-Z, 0-9, = - / , . ; ' [ ] \\ `, Space, Escape, Enter, "
                  "Tab, Backspace, Insert, Delete, Left, Right, Up, Down, PageUp, PageDown, Home, End, F1-F12, Keypad0-9, "
                  "KeypadAdd, KeypadSubtract)");
    }
    const std::string modifier = lower(part);
    bool* flag = modifier == "ctrl" || modifier == "control" ? &chord.ctrl
                 : modifier == "shift"                       ? &chord.shift
                 : modifier == "alt"                         ? &chord.alt
                                                             : nullptr;
    if (!flag) return fail("\"" + std::string(part) + "\" in \"" + std::string(text) + "\" is not a modifier (Ctrl, Shift, Alt)");
    if (*flag) return fail("\"" + std::string(text) + "\" names " + std::string(part) + " twice");
    *flag = true;
    start = plus + 1;
  }
}

std::string to_string(const KeyChord& chord) {
  std::string s;
  if (chord.ctrl) s += "Ctrl+";
  if (chord.shift) s += "Shift+";
  if (chord.alt) s += "Alt+";
  return s + chord.key;
}

void CommandRegistry::add(CommandInfo info) {
  if (!valid_id(info.id))
    throw std::invalid_argument("command id \"" + info.id + "\": expected lower-case words joined by '.', like view.zoom_in");
  if (find(info.id)) throw std::invalid_argument("command id \"" + info.id + "\" is registered twice");
  if (info.title.empty() || info.context.empty())
    throw std::invalid_argument("command " + info.id + " needs a title and a context");
  Command c;
  c.info = std::move(info);
  commands_.push_back(std::move(c));
}

Command* CommandRegistry::find_mutable(std::string_view id) {
  for (Command& c : commands_)
    if (c.info.id == id) return &c;
  return nullptr;
}

const Command* CommandRegistry::find(std::string_view id) const { return const_cast<CommandRegistry*>(this)->find_mutable(id); }

void CommandRegistry::bind(std::string_view id, std::function<void()> run, std::function<bool()> enabled,
                           std::function<bool()> checked) {
  Command* c = find_mutable(id);
  if (!c) throw std::invalid_argument("cannot bind \"" + std::string(id) + "\": no command has that id");
  c->run = std::move(run);
  c->enabled = std::move(enabled);
  c->checked = std::move(checked);
}

bool CommandRegistry::is_enabled(std::string_view id) const {
  const Command* c = find(id);
  return c && c->bound() && (!c->enabled || c->enabled());
}

bool CommandRegistry::is_checked(std::string_view id) const {
  const Command* c = find(id);
  return c && c->checked && c->checked();
}

bool CommandRegistry::run(std::string_view id) {
  if (!is_enabled(id)) return false;
  find_mutable(id)->run();
  return true;
}

const Command* CommandRegistry::match(const KeyChord& chord, const std::vector<std::string>& contexts) const {
  for (const std::string& context : contexts)
    for (const Command& c : commands_)
      if (c.info.context == context && std::find(c.info.keys.begin(), c.info.keys.end(), chord) != c.info.keys.end()) return &c;
  return nullptr;
}

bool CommandRegistry::dispatch(const KeyChord& chord, const std::vector<std::string>& contexts, bool repeat) {
  const Command* c = match(chord, contexts);
  if (!c || (repeat && !c->info.repeat)) return false;
  return run(c->info.id);
}

void CommandRegistry::set_keys(std::string_view id, std::vector<KeyChord> keys) {
  Command* c = find_mutable(id);
  if (!c) throw std::invalid_argument("no command has the id \"" + std::string(id) + "\"");
  c->info.keys = std::move(keys);
}

std::string CommandRegistry::keys_text(std::string_view id) const {
  const Command* c = find(id);
  std::string s;
  if (!c) return s;
  for (const KeyChord& k : c->info.keys) s += (s.empty() ? "" : " or ") + to_string(k);
  return s;
}

bool CommandRegistry::share_keys_space(const CommandInfo& a, const CommandInfo& b, const std::vector<std::string>& nested) {
  auto in = [&](const std::string& c) { return std::find(nested.begin(), nested.end(), c) != nested.end(); };
  return a.context == b.context || (in(a.context) && in(b.context));
}

std::vector<std::string> CommandRegistry::conflicts(const std::vector<std::string>& nested) const {
  std::vector<std::string> out;
  for (auto a = commands_.begin(); a != commands_.end(); ++a)
    for (auto b = std::next(a); b != commands_.end(); ++b) {
      if (!share_keys_space(a->info, b->info, nested)) continue;
      for (const KeyChord& k : a->info.keys)
        if (std::find(b->info.keys.begin(), b->info.keys.end(), k) != b->info.keys.end())
          out.push_back(to_string(k) + " in " +
                        (a->info.context == b->info.context ? a->info.context : a->info.context + "/" + b->info.context) + ": " +
                        a->info.id + " and " + b->info.id);
    }
  return out;
}

std::vector<const Command*> CommandRegistry::search(std::string_view query) const {
  std::vector<std::string> words;
  const std::string q = lower(query);
  for (std::size_t i = 0; i < q.size();) {
    const std::size_t j = std::min(q.find(' ', i), q.size());
    if (j > i) words.push_back(q.substr(i, j - i));
    i = j + 1;
  }
  std::vector<const Command*> starts, contains;
  for (const Command& c : commands_) {
    const std::string title = lower(c.info.title), id = lower(c.info.id);
    const bool all = std::all_of(words.begin(), words.end(), [&](const std::string& w) {
      return title.find(w) != std::string::npos || id.find(w) != std::string::npos;
    });
    if (!all) continue;
    (!words.empty() && title.rfind(words.front(), 0) == 0 ? starts : contains).push_back(&c);
  }
  starts.insert(starts.end(), contains.begin(), contains.end());
  return starts;
}

} // namespace crus
