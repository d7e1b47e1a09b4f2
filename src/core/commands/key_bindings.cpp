#include "core/commands/key_bindings.hpp"

#include "core/commands/command_catalogue.hpp"
#include "core/error.hpp"
#include "core/io/file_io.hpp"
#include "core/io/json_input.hpp"
#include "core/io/json_schema.hpp"

#include <algorithm>
#include <filesystem>
#include <vector>

namespace crus {

namespace {

// Edit distance, for "did you mean" on a mistyped command id.
std::size_t distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::string closest_id(const CommandRegistry& registry, const std::string& id) {
  std::string best;
  std::size_t best_d = 4; // further than this is no suggestion
  for (const Command& c : registry.all()) {
    const std::size_t d = distance(id, c.info.id);
    if (d < best_d) {
      best_d = d;
      best = c.info.id;
    }
  }
  return best;
}

} // namespace

std::string key_bindings_path() { return (std::filesystem::path(user_config_dir()) / "keys.json").string(); }

void apply_key_bindings(CommandRegistry& registry, const std::string& text, const std::string& source) {
  const nlohmann::json j = parse_json_input(text, source);
  const JsonLineMap lines = JsonLineMap::build(text);
  auto fail = [&](const std::string& path, const std::string& problem) {
    throw InputError(source + ":" + std::to_string(std::max(1, lines.line_of(path))),
                     (path.empty() ? "" : path + ": ") + problem);
  };
  if (!j.is_object()) fail("", "expected an object with a \"keys\" member");
  for (const auto& [name, value] : j.items())
    if (name != "keys" && name != "$comment") fail(json_path_member("", name), "unknown member (expected \"keys\")");
  if (!j.contains("keys")) fail("", "no \"keys\" member");
  if (!j["keys"].is_object()) fail("keys", "expected an object: command id -> chord or list of chords");

  // Check everything before changing anything, so that a problem anywhere
  // leaves every default in place.
  CommandRegistry changed = registry;
  std::vector<std::pair<std::string, std::vector<KeyChord>>> wanted;
  for (const auto& [id, value] : j["keys"].items()) {
    const std::string path = json_path_member("keys", id);
    if (!registry.find(id)) {
      const std::string near = closest_id(registry, id);
      fail(path, "no command is called \"" + id + "\"" + (near.empty() ? "" : " (did you mean " + near + "?)") +
                     "; crus commands lists them");
    }
    std::vector<std::string> texts;
    if (value.is_string()) {
      texts.push_back(value.get<std::string>());
    } else if (value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i) {
        if (!value[i].is_string()) fail(json_path_index(path, i), "expected a key chord like \"Ctrl+Shift+Z\"");
        texts.push_back(value[i].get<std::string>());
      }
    } else {
      fail(path, "expected a key chord like \"Ctrl+Shift+Z\" or a list of them");
    }
    std::vector<KeyChord> keys;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      std::string why;
      auto chord = parse_key_chord(texts[i], &why);
      if (!chord) fail(value.is_array() ? json_path_index(path, i) : path, why);
      if (std::find(keys.begin(), keys.end(), *chord) == keys.end()) keys.push_back(*chord);
    }
    changed.set_keys(id, keys);
    wanted.emplace_back(id, std::move(keys));
  }
  // A chord the file gives that another command of the same context has
  // (by default or from the file): name the file's entry.
  for (const auto& [id, keys] : wanted) {
    const Command* mine = changed.find(id);
    for (const KeyChord& k : keys)
      for (const Command& other : changed.all())
        if (&other != mine && CommandRegistry::share_keys_space(other.info, mine->info, viewer_contexts()) &&
            std::find(other.info.keys.begin(), other.info.keys.end(), k) != other.info.keys.end())
          fail(json_path_member("keys", id), to_string(k) + " is also the key of " + other.info.id + " (context " +
                                                 other.info.context + "); give that command another key too");
  }
  for (auto& [id, keys] : wanted) registry.set_keys(id, std::move(keys));
}

std::string apply_key_bindings_file(CommandRegistry& registry, const std::string& path) {
  std::error_code ec;
  if (path.empty() || !std::filesystem::exists(path, ec)) return "";
  try {
    apply_key_bindings(registry, read_text_file(path), path);
  } catch (const std::exception& e) {
    return std::string(e.what()) + " (the default keys are used)";
  }
  return "";
}

} // namespace crus
