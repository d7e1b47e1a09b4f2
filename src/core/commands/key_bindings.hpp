#pragma once
// The user's key chords, in keys.json of the XDG config folder
// ($XDG_CONFIG_HOME/crus/keys.json, or ~/.config/crus/keys.json):
//
//   {
//     "keys": {
//       "view.mirror": "Ctrl+M",              one chord
//       "view.zoom_in": ["=", "KeypadAdd"],   several
//       "view.hide_panels": []                none
//     }
//   }
//
// Commands the file does not name keep their default chords. The file is
// read through the bounded JSON input (core/io/json_input.hpp). A file that is
// malformed, names an unknown command or key, or gives one chord to two
// commands of one context changes nothing: the registry keeps every default
// and the problem comes back as one line naming the file, line and field.
#include "core/commands/command_registry.hpp"

#include <string>

namespace crus {

// keys.json in the user's config folder.
std::string key_bindings_path();

// Applies `text` to `registry`, all or nothing; throws InputError
// ("source:line", problem) and leaves `registry` untouched on any problem.
void apply_key_bindings(CommandRegistry& registry, const std::string& text, const std::string& source);

// The file at `path`: a missing file is no problem (""); otherwise the one
// line saying why the defaults were kept, or "" when it applied.
std::string apply_key_bindings_file(CommandRegistry& registry, const std::string& path);

} // namespace crus
