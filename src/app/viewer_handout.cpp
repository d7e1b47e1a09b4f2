#include "app/viewer_handout.hpp"

#include "core/anatomy/body_areas.hpp"
#include "core/error.hpp"
#include "core/publish/print_document.hpp"

#include <optional>

namespace crus::app {

std::function<void(const std::string&, const std::string&, const HandoutPatient&)>
make_handout_exporter(ui::ViewerContext& ctx, HandoutViewRenderer render_views) {
  return [&ctx, render_views = std::move(render_views)](const std::string& path, const std::string& trigger_point,
                                                        const HandoutPatient& patient) {
    if (std::string problem = check_handout_patient(patient); !problem.empty()) throw InputError("handout", problem);
    if (!ctx.trigger_points) throw RuntimeError("the trigger-point data is not loaded: " + ctx.trigger_point_problem);
    bool safe = ctx.document && ctx.document->state().overlay.colour_blind_safe;
    std::optional<BodyAreaMap> areas;
    if (ctx.scene && ctx.scene->manifest) areas = BodyAreaMap::from_landmarks(ctx.scene->manifest->landmarks);
    check_handout_path(path, "handout");
    auto m = make_handout(*ctx.trigger_points, ctx.red_flags, trigger_point, ctx.painted, safe, render_views,
                          areas ? &*areas : nullptr, patient);
    write_handout(m.content, m.views, path, ctx.handout_paper);
  };
}

} // namespace crus::app
