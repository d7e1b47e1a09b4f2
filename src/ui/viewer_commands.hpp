#pragma once
// The behaviour of the viewer's commands that act on the document, the
// camera and the view (core/commands/command_catalogue.cpp lists them all). The shell
// binds its own (panels, text size, palette): ui/shell.cpp.
#include "core/commands/command_registry.hpp"
#include "ui/viewer_context.hpp"

namespace crus::ui {

// Binds those commands to `ctx`, which must outlive the registry's use.
void bind_viewer_commands(CommandRegistry& registry, ViewerContext& ctx);
// The section plane's commands (section.*), part of the above.
void bind_section_commands(CommandRegistry& registry, ViewerContext& ctx);

} // namespace crus::ui
