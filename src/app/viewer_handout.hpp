#pragma once
// The viewer's handout export: the same pages as `crus handout`
// (app/handout_export.hpp), from what the viewer has loaded.
#include "app/handout_export.hpp"
#include "ui/viewer_context.hpp"

namespace crus::app {

// ctx.export_handout for the viewer: reads ctx.trigger_points, ctx.red_flags,
// ctx.painted, the colour-blind setting and ctx.handout_paper when called,
// composes the pages and writes them (PDF or PNG, by the path's extension)
// atomically. Throws on failure (the panels show
// the message).
std::function<void(const std::string&, const std::string&, const HandoutPatient&)>
make_handout_exporter(ui::ViewerContext& ctx, HandoutViewRenderer render_views);

} // namespace crus::app
