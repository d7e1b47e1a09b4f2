#include "ui/viewer_commands.hpp"

#include "core/geometry/section_view.hpp"
#include "ui/motion_commands.hpp"

#include <utility>

namespace crus::ui {

void bind_viewer_commands(CommandRegistry& r, ViewerContext& ctx) {
  // Everything is read through ctx when a command runs: the viewer may
  // point ctx at another document or camera later.
  auto selected = [&ctx] { return ctx.document ? ctx.document->state().selected : -1; };
  auto has_selection = [selected] { return selected() >= 0; };
  auto has_view = [&ctx] { return ctx.document && ctx.camera; };

  r.bind(
      "file.problems", [&ctx] { ctx.show_messages = true; }, [&ctx] { return !ctx.messages.empty(); });
  r.bind("file.quit", [&ctx] { ctx.quit = true; });

  r.bind(
      "edit.undo", [&ctx] { ctx.document->undo(); }, [&ctx] { return ctx.document && ctx.document->can_undo(); });
  r.bind(
      "edit.redo", [&ctx] { ctx.document->redo(); }, [&ctx] { return ctx.document && ctx.document->can_redo(); });
  r.bind(
      "selection.clear", [&ctx] { ctx.document->clear_selection(); }, has_selection);
  r.bind(
      "selection.hide", [&ctx, selected] { ctx.document->set_visibility({selected()}, Visibility::hidden); }, has_selection);
  r.bind(
      "selection.ghost", [&ctx, selected] { ctx.document->set_visibility({selected()}, Visibility::ghosted); }, has_selection);
  r.bind(
      "selection.isolate", [&ctx, selected] { ctx.document->isolate({selected()}); }, has_selection);
  r.bind(
      "selection.pin_label",
      [&ctx, selected] { ctx.document->set_pinned(selected(), !ctx.document->state().pinned.count(selected())); }, has_selection);
  r.bind(
      "structures.show_all", [&ctx] { ctx.document->show_all(); }, [&ctx] { return ctx.document != nullptr; });

  const std::pair<const char*, AnatomicalView> views[] = {
      {"view.anterior", AnatomicalView::anterior}, {"view.posterior", AnatomicalView::posterior},
      {"view.medial", AnatomicalView::medial},     {"view.lateral", AnatomicalView::lateral},
      {"view.superior", AnatomicalView::superior}, {"view.inferior", AnatomicalView::inferior}};
  for (auto [id, view] : views)
    r.bind(
        id, [&ctx, view = view] { go_to_view(ctx, view); }, has_view);
  r.bind(
      "view.reset", [&ctx] { go_to_view(ctx, AnatomicalView::anterior); }, has_view);
  r.bind(
      "view.frame_selected", [&ctx, selected] { frame_structure(ctx, selected()); },
      [has_view, has_selection] { return has_view() && has_selection(); });

  // Keyboard zoom and orbit: one wheel notch, 12 pixels of drag, about the
  // middle of the view.
  auto zoom = [&ctx](float notches) {
    return [&ctx, notches] { ctx.camera->zoom_at(notches, ctx.viewport_size * 0.5f, ctx.viewport_size); };
  };
  r.bind("view.zoom_in", zoom(1.0f), has_view);
  r.bind("view.zoom_out", zoom(-1.0f), has_view);
  const float step = 12.0f;
  const std::pair<const char*, glm::vec2> turns[] = {
      {"left", {-step, 0.0f}}, {"right", {step, 0.0f}}, {"up", {0.0f, -step}}, {"down", {0.0f, step}}};
  for (auto [dir, d] : turns) {
    r.bind(
        std::string("view.orbit_") + dir, [&ctx, d = d] { ctx.camera->orbit(d); }, has_view);
    r.bind(
        std::string("view.pan_") + dir, [&ctx, d = d] { ctx.camera->pan(d, ctx.viewport_size); }, has_view);
  }
  r.bind(
      "view.mirror", [&ctx] { ctx.document->set_mirror(!ctx.document->state().mirror); },
      [&ctx] { return ctx.document != nullptr; }, [&ctx] { return ctx.document && ctx.document->state().mirror; });
  r.bind(
      "view.light_background", [&ctx] { ctx.light_background = !ctx.light_background; }, {},
      [&ctx] { return ctx.light_background; });
  r.bind(
      "view.ambient_occlusion", [&ctx] { ctx.ambient_occlusion = !ctx.ambient_occlusion; }, {},
      [&ctx] { return ctx.ambient_occlusion; });
  r.bind("view.reset_settings", [&ctx] { ctx.reset_settings = true; });
  r.bind("search.focus", [&ctx] { ctx.request_search_focus = true; });
  bind_section_commands(r, ctx);
  bind_motion_commands(r, ctx);
}

void bind_section_commands(CommandRegistry& r, ViewerContext& ctx) {
  auto has_model = [&ctx] { return ctx.document && ctx.scene && !ctx.scene->structures.empty(); };
  auto on = [&ctx, has_model] { return has_model() && ctx.document->state().section.on; };
  // Each change is one undo step named for what it did.
  auto change = [&ctx](const char* name, auto edit) {
    return [&ctx, name, edit] {
      SectionView s = ctx.document->state().section;
      edit(s);
      ctx.document->set_section(s, name);
    };
  };
  r.bind(
      "section.toggle",
      [&ctx] {
        SectionView s = ctx.document->state().section;
        s.on = !s.on;
        ctx.document->set_section(s, s.on ? "Section on" : "Section off");
      },
      has_model, [on] { return on(); });
  r.bind("section.up", change("Section up", [](SectionView& s) { s.fraction -= kSectionStep; }), on);
  r.bind("section.down", change("Section down", [](SectionView& s) { s.fraction += kSectionStep; }), on);
  r.bind("section.tilt_up", change("Section tilted", [](SectionView& s) { s.tilt_deg += kSectionTiltStep; }), on);
  r.bind("section.tilt_down", change("Section tilted", [](SectionView& s) { s.tilt_deg -= kSectionTiltStep; }), on);
  r.bind("section.level", change("Section level", [](SectionView& s) { s.tilt_deg = 0.0; }),
         [&ctx, on] { return on() && ctx.document->state().section.tilt_deg != 0.0; });
  // The slice and the tint turn the section on with them: asking for them
  // means wanting to see it.
  r.bind("section.show_slice", change("Section slice", [](SectionView& s) { s.slice = !s.slice, s.on = s.on || s.slice; }),
         has_model, [&ctx] { return ctx.document && ctx.document->state().section.slice; });
  r.bind("section.tint_compartments",
         change("Compartments tinted",
                [](SectionView& s) { s.tint_compartments = !s.tint_compartments, s.on = s.on || s.tint_compartments; }),
         has_model, [&ctx] { return ctx.document && ctx.document->state().section.tint_compartments; });
}

} // namespace crus::ui
