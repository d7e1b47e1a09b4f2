// crus commands [--json]: every command of the viewer with its id, title,
// menu, context and the keys it has for this user (keys.json applied), so
// that a user can write their key file and lessons can name commands.
#include "app/commands.hpp"
#include "core/commands/command_catalogue.hpp"
#include "core/commands/key_bindings.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iomanip>
#include <iostream>

namespace crus::app {

int run_commands(bool json) {
  CommandRegistry registry;
  add_viewer_commands(registry);
  std::string path;
  try {
    path = key_bindings_path();
  } catch (const std::exception&) {
    // No config folder: the defaults.
  }
  // A bad key file is the viewer's problem to show; here it is one line on
  // stderr and the defaults are listed, as the viewer would use them.
  if (const std::string problem = apply_key_bindings_file(registry, path); !problem.empty())
    std::cerr << "crus: " << problem << "\n";
  if (json) {
    nlohmann::ordered_json out;
    out["keys_file"] = path;
    out["commands"] = nlohmann::ordered_json::array();
    for (const Command& c : registry.all()) {
      nlohmann::ordered_json keys = nlohmann::ordered_json::array();
      for (const KeyChord& k : c.info.keys) keys.push_back(to_string(k));
      out["commands"].push_back({{"id", c.info.id},
                                 {"title", c.info.title},
                                 {"menu", c.info.menu},
                                 {"context", c.info.context},
                                 {"keys", keys},
                                 {"repeat", c.info.repeat}});
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  std::size_t id_w = 2, keys_w = 4;
  for (const Command& c : registry.all()) {
    id_w = std::max(id_w, c.info.id.size());
    keys_w = std::max(keys_w, registry.keys_text(c.info.id).size());
  }
  std::cout << std::left << std::setw(static_cast<int>(id_w)) << "ID"
            << "  " << std::setw(static_cast<int>(keys_w)) << "KEYS"
            << "  TITLE (MENU)\n";
  for (const Command& c : registry.all())
    std::cout << std::setw(static_cast<int>(id_w)) << c.info.id << "  " << std::setw(static_cast<int>(keys_w))
              << registry.keys_text(c.info.id) << "  " << c.info.title << (c.info.menu.empty() ? "" : " (" + c.info.menu + ")")
              << "\n";
  std::cout << "Keys file: " << path << " (see crus commands --json for contexts)\n";
  return 0;
}

} // namespace crus::app
