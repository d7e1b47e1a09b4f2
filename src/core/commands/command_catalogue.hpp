#pragma once
// The viewer's commands as data: ids, titles, menus, contexts and default
// key chords. The ui layer binds their behaviour (ui/viewer_commands.cpp,
// ui/shell.cpp); `crus commands` lists them without opening a window.
//
// Adding an action: one add() line here (pick a chord no command of the same
// context uses; CommandCatalogue.NoChordIsTakenTwiceInAContext fails
// otherwise), then one bind() where its behaviour lives.
#include "core/commands/command_registry.hpp"

#include <string>

namespace crus {

// The viewer's contexts, most specific first; all three are active when no
// panel has the keyboard, so no chord may be in two of them.
const std::vector<std::string>& viewer_contexts();

// Adds every command of the viewer to `registry` (unbound).
void add_viewer_commands(CommandRegistry& registry);

// The id of the command that toggles the panel titled `title`:
// "panel." + the title in lower case, runs of other characters as one '_'
// ("Trigger points" -> panel.trigger_points, "Where does it hurt?" ->
// panel.where_does_it_hurt).
std::string panel_command_id(const std::string& title);

} // namespace crus
