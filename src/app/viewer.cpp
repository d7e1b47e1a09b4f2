// The interactive viewer: a window, the document, the renderer and the
// panels. It draws only when something changed: an idle window sleeps in
// the event wait and uses no CPU.
#include "app/viewer_atlas_loading.hpp"
#include "app/commands.hpp"
#include "app/viewer_handout.hpp"
#include "app/viewer_notes_window.hpp"
#include "app/presentation.hpp"
#include "core/anatomy/referral_overlay.hpp"
#include "gfx/framebuffer.hpp"
#include "app/scene_setup.hpp"
#include "app/viewer_panels.hpp"
#include "app/viewer_scenes.hpp"
#include "app/viewer_section.hpp"
#include "core/document/draw_builder.hpp"
#include "core/error.hpp"
#include "core/checked_cast.hpp"
#include "core/io/file_io.hpp"
#include "core/io/json_input.hpp"
#include "core/commands/key_bindings.hpp"
#include "core/teaching/lesson.hpp"
#include "core/document/viewer_settings.hpp"
#include "gfx/scene_renderer.hpp"
#include "platform/window.hpp"
#include "ui/imgui_host.hpp"
#include "ui/label_overlay.hpp"
#include "ui/annotation_overlay.hpp"
#include "ui/annotation_panel.hpp"
#include "ui/lesson_changes.hpp"
#include "ui/lesson_panel.hpp"
#include "ui/step_action_player.hpp"
#include "ui/motion_player.hpp"
#include "ui/shell.hpp"
#include "ui/viewport_input.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <filesystem>
#include <future>
#include <iostream>
#include <nlohmann/json.hpp>

namespace crus::app {

namespace {

std::string config_file(const std::string& name) {
  try {
    return (std::filesystem::path(user_config_dir()) / name).string();
  } catch (const std::exception&) {
    return {};
  }
}

platform::WindowGeometry load_geometry(const std::string& path) {
  platform::WindowGeometry g;
  if (path.empty()) return g;
  try {
    const nlohmann::json j = parse_json_input(read_text_file(path), path);
    // A hand-edited 1e300 must not reach an int unchecked.
    auto whole = [&](const char* key, int fallback) {
      return j.contains(key) && j[key].is_number() ? checked_narrow<int>(j[key].get<double>(), path + ": " + key) : fallback;
    };
    g.width = std::clamp(whole("width", g.width), 400, 10000);
    g.height = std::clamp(whole("height", g.height), 300, 10000);
    g.maximised = j.contains("maximised") && j["maximised"].is_boolean() && j["maximised"].get<bool>();
    if (j.contains("x") && j.contains("y")) g.position = glm::ivec2(whole("x", 0), whole("y", 0));
  } catch (const std::exception&) {
    // First run, or an unreadable or hand-broken file: the defaults will do.
    g = platform::WindowGeometry{};
  }
  return g;
}

void save_geometry(const std::string& path, const platform::WindowGeometry& g) {
  if (path.empty()) return;
  nlohmann::ordered_json j{{"width", g.width}, {"height", g.height}, {"maximised", g.maximised}};
  if (g.position) {
    j["x"] = g.position->x;
    j["y"] = g.position->y;
  }
  try {
    write_file_atomic(path, j.dump(2) + "\n");
  } catch (const std::exception&) {}
}

} // namespace

int run_viewer(const ViewerOptions& options) {
  if (auto problem = platform::Window::display_problem()) {
    std::cerr << "crus: " << *problem << "; the viewer needs one. `crus render --out FILE.png` works headless.\n";
    return 2;
  }
  // A bad scene is refused before any window opens (one line, exit 2).
  std::optional<SceneFile> start_scene;
  if (!options.scene.empty()) start_scene = load_scene_file(options.scene);
  std::optional<Lesson> start_lesson;
  std::string start_lesson_path;
  if (options.present && options.lesson.empty()) throw InputError("--present", "needs --lesson LESSON to present");
  if (!options.lesson.empty()) {
    start_lesson_path = resolve_lesson(options.lesson, "--lesson");
    start_lesson = load_lesson(start_lesson_path);
  }
  const std::string geometry_path = config_file("window.json");
  const std::string settings_path = config_file("settings.json");
  LoadedSettings remembered = load_viewer_settings(settings_path);
  const ViewerSettings& settings = remembered.settings;
  AtlasOptions first = options.atlas;
  if (start_scene && first.atlas.empty() && start_scene->atlas.name != "bundled") {
    first.atlas = start_scene->atlas.name;
    first.atlas_map = start_scene->atlas.map;
  }
  std::string settings_note = remembered.problem;
  if (first.atlas.empty() && !settings.atlas.empty()) {
    // The atlas opened last time, if it is still there.
    std::error_code ec;
    if (std::filesystem::exists(settings.atlas, ec)) {
      first.atlas = settings.atlas;
      first.atlas_map = settings.atlas_map;
    } else {
      settings_note = settings.atlas + " (the atlas opened last time) is gone; the bundled atlas is shown instead";
    }
  }
  // The first atlas starts loading now, beside the window and GL context.
  const std::optional<int> early_lod = lod_known_before_gl(options.detail, first.lod);
  std::future<LoadedAtlas> early_load;
  if (early_lod) {
    AtlasOptions early_options = first;
    early_options.lod = *early_lod;
    early_load = start_atlas_load(early_options);
  }
  platform::Window window("Crus - lower leg atlas", load_geometry(geometry_path));
  ui::ImGuiHost host(window.native_handle(), window.content_scale(), config_file("imgui.ini"));
  host.set_font_size(options.text_size > 0.0f ? options.text_size : settings.text_size);
  gfx::SceneRenderer renderer;

  // What is loaded and the document: the session owns them, and makes what is drawn.
  Session session;
  Scene& scene = session.scene(); // the same object across loads
  Document& document = session.document();
  OrbitCamera camera;
  ui::ViewerContext ctx;
  ctx.scene = &scene;
  ctx.document = &document;
  ctx.camera = &camera;
  ctx.stats.renderer = gfx::SceneRenderer::renderer_string();

  ViewerPanels panels(session);
  panels.set_wake([] { platform::Window::wake(); }); // the soft tissue bound in the background, for a pose that waits
  ViewerSection section;
  std::optional<AnatomicalView> frame_when_laid_out; // the view to fit beside the panels after the next layout
  auto load = [&](const AtlasOptions& atlas, std::future<LoadedAtlas> started = {}) {
    ctx.messages.clear();
    std::optional<LoadedAtlas> loaded;
    try {
      // Off this thread; the window keeps drawing.
      loaded = load_atlas_drawing_progress(atlas, window, host, renderer, std::move(started));
      ctx.atlas_path = atlas.resolved_atlas();
    } catch (const std::exception& e) {
      ctx.messages.push_back(e.what());
    }
    // A fresh document too; the pick index came built from the loading thread.
    if (loaded) session.set_scene(std::move(loaded->scene), std::move(loaded->picks));
    else session.set_scene(Scene{});
    for (const auto& w : scene.warnings) ctx.messages.push_back(w);
    ctx.mirror_seen = false;
    ctx.picks = &session.picks();
    renderer.upload(scene);
    section.reset(ctx, renderer);
    panels.on_scene_loaded(ctx);
    // The same lines on stderr for whoever started the viewer from a
    // terminal (and for the test that opens it on corrupt files).
    for (const auto& m : ctx.messages) std::cerr << "crus: " << m << "\n";
    Aabb box = scene.structures.empty() ? Aabb{glm::vec3(-0.1f), glm::vec3(0.1f)} : scene.box;
    glm::vec2 size = glm::vec2(window.window_size());
    camera.set_pose(camera.pose_for(AnatomicalView::anterior, box, false, size.x / std::max(size.y, 1.0f)));
    frame_when_laid_out = AnatomicalView::anterior; // once the panels are placed, fit the leg beside them
    if (!ctx.messages.empty()) ctx.show_messages = true;
  };
  ui::Shell shell(host);
  panels.install(shell, ctx);
  // Handout pictures are drawn offscreen in the window's own context with
  // the renderer that already holds the meshes, on white for printing.
  ctx.export_handout = make_handout_exporter(ctx, [&](const Overlay& overlay, const std::vector<glm::vec3>& painted) {
    std::vector<Image> views;
    if (!ctx.trigger_points || scene.structures.empty()) return views;
    // The session's handout list and framing: the same as `crus handout` draws.
    const DrawList list = session.handout_draw_list(overlay, painted, ctx.brush_radius);
    const std::uint8_t white[3] = {255, 255, 255};
    gfx::Framebuffer target(kHandoutViewWidth, kHandoutViewHeight, 4); // one for the views: each is cleared
    for (AnatomicalView v : handout_views()) {
      target.bind();
      const float aspect = static_cast<float>(kHandoutViewWidth) / kHandoutViewHeight;
      const OrbitCamera cam = session.handout_camera(v, aspect);
      gfx::FrameParams frame;
      frame.view = cam.view();
      frame.projection = cam.projection(aspect);
      frame.viewport_size = {kHandoutViewWidth, kHandoutViewHeight};
      frame.cut = false; // a handout shows the whole leg
      renderer.draw(scene, list, frame);
      Image img;
      img.width = kHandoutViewWidth;
      img.height = kHandoutViewHeight;
      img.rgba = target.read_rgba();
      views.push_back(crop_to_content(img, white, 12));
    }
    return views;
  });
  // Lessons: the Lesson panel steps and edits, presenter mode shows them
  // (the actions are filled in once the scene handling exists, below).
  LessonSession lesson;
  ui::LessonActions lesson_actions;
  shell.add_panel(std::make_unique<ui::LessonPanel>(lesson, lesson_actions));
  // The section's 2D slice: open while the document's section.slice is on.
  ui::Panel* slice_panel = panels.slice_panel();
  bool slice_seen = false;
  std::vector<std::pair<ui::Panel*, bool>> default_open;
  for (const auto& p : shell.panels()) default_open.push_back({p.get(), p->open});
  if (settings.open_panels)
    for (const auto& p : shell.panels())
      p->open = std::find(settings.open_panels->begin(), settings.open_panels->end(), p->title()) != settings.open_panels->end();
  // The slice panel follows the document's section, which starts off; it
  // is not reopened from the remembered panels (--panel Section does open it).
  slice_panel->open = false;
  ctx.light_background = settings.light_background;
  ctx.ambient_occlusion = settings.ambient_occlusion;
  shell.set_panels_hidden(settings.panels_hidden);
  for (const std::string& title : options.panels) {
    ui::Panel* panel = shell.find_panel(title);
    if (!panel) {
      std::string known;
      for (const auto& p : shell.panels()) known += (known.empty() ? "" : ", ") + std::string(p->title());
      throw InputError("--panel", "no panel is called \"" + title + "\"; the panels are: " + known);
    }
    panel->open = true;
  }
  // The user's key chords (keys.json beside settings.json); a bad file
  // keeps the defaults and says why in the Problems dialog.
  const std::string keys_problem = apply_key_bindings_file(shell.commands(), config_file("keys.json"));
  // A software rasteriser draws the full atlas at a few frames a second; the
  // light level of detail keeps the viewer responsive there.
  bool software =
      ctx.stats.renderer.find("llvmpipe") != std::string::npos || ctx.stats.renderer.find("softpipe") != std::string::npos;
  if (options.detail == "light" || (options.detail == "auto" && software)) first.lod = 1;
  // The load begun before the window, if it guessed the level of detail
  // right; otherwise it is waited for, dropped, and the right one loaded.
  if (early_load.valid() && early_lod != first.lod) {
    early_load.wait();
    early_load = {};
  }
  load(first, std::move(early_load));
  const AtlasOptions* current_atlas = &first;
  std::string last_overlay_warning; // said once, not every frame
  // After the load, which starts the list of problems afresh.
  for (const std::string& note : {settings_note, keys_problem})
    if (!note.empty()) {
      ctx.messages.push_back(note);
      ctx.show_messages = true;
    }
  if (!scene.structures.empty() && settings.view && options.view.empty()) {
    frame_when_laid_out.reset(); // the view the user left
    camera.set_pose({settings.view->target, settings.view->distance, settings.view->yaw, settings.view->pitch});
    if (settings.mirror) {
      document.set_mirror(true);
      ctx.mirror_seen = true; // the saved view is of the mirrored leg already
    }
  }
  // Start-up options open the viewer on a prepared figure (for a lesson).
  if (!options.select.empty() || !options.highlight.empty() || !options.overlay.empty() || !options.view.empty()) {
    if (scene.structures.empty())
      throw InputError(options.atlas.resolved_atlas(), "cannot apply --select/--view: no atlas loaded");
    RenderOptions start;
    start.select = options.select;
    start.highlight = options.highlight;
    if (!options.overlay.empty()) start.overlays = {options.overlay};
    Presentation presentation(scene, true);
    presentation.apply_render_options(start);
    document.reset(scene.structures.size());
    const DocumentState& s = presentation.document().state();
    if (s.selected >= 0) document.select(s.selected);
    if (s.highlights != Highlights{}) document.set_highlights(s.highlights);
    if (s.overlay.mode != OverlayMode::none) document.set_overlay(s.overlay);
    if (!options.view.empty()) {
      auto view = parse_view(options.view);
      if (!view)
        throw InputError("--view",
                         "expected anterior, posterior, medial, lateral, superior or inferior, got \"" + options.view + "\"");
      glm::vec2 size = glm::vec2(window.window_size());
      camera.set_pose(camera.pose_for(*view, scene.box, false, size.x / std::max(size.y, 1.0f)));
      frame_when_laid_out = *view;
    }
  }
  AtlasOptions opened;
  ctx.open_atlas = [&](const std::string& path) {
    opened = options.atlas;
    opened.atlas = path;
    load(opened);
    current_atlas = &opened;
  };
  ViewerScenes scenes{ctx, {}, {}, {}, {}, {}, {}, {}, false};
  scenes.atlas_name = [&] { return current_atlas->atlas.empty() ? std::string("bundled") : current_atlas->atlas; };
  scenes.atlas_map = [&] { return current_atlas->atlas_map; };
  scenes.framebuffer_size = [&] { return window.framebuffer_size(); };
  scenes.text_size = [&] { return host.font_size(); };
  scenes.set_text_size = [&](float points) { host.set_font_size(points); };
  shell.set_scene_actions(scenes.actions([&] { ctx.quit = true; }));
  lesson_actions.show = [&](const SceneSpec& spec) {
    if (scene.structures.empty()) return;
    std::vector<std::string> unknown = scenes.show(spec, "Lesson step", 0.8f);
    if (!unknown.empty()) {
      ctx.messages.push_back("lesson step " + std::to_string(lesson.current() + 1) + ": " + describe_unknown_ids(unknown));
      if (!ctx.presenting) ctx.show_messages = true;
    }
    // Entering a step plays its action (a highlight sequence, a movement).
    const LessonStep* step = lesson.step();
    ui::start_step_action(ctx, step && &step->scene == &spec ? step->action : std::nullopt);
  };
  lesson_actions.capture = [&] { return scenes.current().scene; };
  lesson_actions.set_presenting = [&](bool on) {
    ctx.presenting = on;
    ctx.black_screen = false;
    if (!on) {
      // The laser and the ink pen belong to the presentation.
      ctx.annotate.pointer = ui::Pointer::none;
      if (ctx.annotate.tool == ui::AnnotationTool::ink) ctx.annotate.tool = ui::AnnotationTool::none;
    }
    window.set_fullscreen(on);
    // Captions in large type: about 22 lines to the screen height.
    host.set_large_font_size(on ? std::max(24.0f, static_cast<float>(window.window_size().y) / 22.0f) : 0.0f);
    if (on)
      if (const LessonStep* step = lesson.step()) lesson_actions.show(step->scene);
  };
  ui::bind_lesson_commands(shell.commands(), lesson, lesson_actions, ctx);
  ui::bind_annotation_commands(shell.commands(), ctx, &lesson);
  // Unsaved lesson edits: asked about before another lesson, closing it or quitting.
  ui::LessonChanges lesson_changes(lesson);
  NotesWindow notes_window; // speaker notes and the next step (lesson.notes_window)
  ui::attach_lesson_changes(shell, lesson_changes);
  lesson_actions.guard = [&](const std::string& what, std::function<void()> then) {
    lesson_changes.guard(what, std::move(then));
  };

  shell.scene_files().recent = settings.recent_scenes;
  if (start_scene) {
    if (std::string problem = scenes.open(options.scene); !problem.empty()) {
      ctx.messages.push_back(problem);
      ctx.show_messages = true;
    } else {
      shell.scene_files().path = options.scene;
      shell.scene_files().remember(options.scene);
      // The scene's own camera, not the first framing of the atlas.
      if (start_scene->scene.camera) frame_when_laid_out.reset();
    }
  }
  if (start_lesson && !scene.structures.empty()) {
    lesson.open(std::move(*start_lesson), start_lesson_path);
    if (ui::Panel* panel = shell.find_panel("Lesson")) panel->open = true;
    if (options.present) lesson_actions.set_presenting(true);
    else if (const LessonStep* step = lesson.step()) lesson_actions.show(step->scene);
  }
  auto current_settings = [&]() {
    ViewerSettings s;
    s.text_size = host.font_size();
    std::vector<std::string> open;
    for (const auto& p : shell.panels())
      if (p->open) open.push_back(p->title());
    s.open_panels = open;
    s.light_background = ctx.light_background;
    s.ambient_occlusion = ctx.ambient_occlusion;
    s.panels_hidden = shell.panels_hidden();
    s.mirror = document.state().mirror;
    const CameraPose& pose = camera.pose();
    s.view = SavedView{pose.target, pose.distance, pose.yaw, pose.pitch};
    s.recent_scenes = shell.scene_files().recent;
    // An atlas that failed to load is not reopened next time: the viewer
    // would start on the same error instead of on the bundled leg.
    if (!scene.structures.empty()) {
      s.atlas = current_atlas->atlas;
      s.atlas_map = current_atlas->atlas_map;
    }
    return s;
  };

  // CRUS_FRAME_LOG=FILE: the number of frames drawn so far, rewritten after
  // each frame, so that a test can check an idle window draws nothing.
  const char* frame_log = std::getenv("CRUS_FRAME_LOG");
  // CRUS_FIRST_FRAME_TIME=1: print when the first frame showing the atlas was
  // presented, from the process start (docs/PERFORMANCE.md, issue 9).
  bool report_first_frame = std::getenv("CRUS_FIRST_FRAME_TIME") != nullptr;
  // CRUS_POSE_TIME=1: print how long after the first pose change was asked
  // for (a slider, a preset, Play action) the first posed frame was
  // presented, and how many soft-tissue binds ran on this thread (issue 12).
  bool report_pose = std::getenv("CRUS_POSE_TIME") != nullptr;
  std::uint64_t frames_drawn = 0;
  using Clock = std::chrono::steady_clock;
  auto last = Clock::now();
  int frames_to_draw = 3;
  std::uint64_t seen_revision = 0;
  InputReplay input_replay;
  bool picks_stale = false; // the pose moved the meshes since the pick index was built
  std::string saved_json = to_json(settings);
  while (!ctx.quit) {
    if (window.should_close()) {
      // Closing the window asks first when a scene or a lesson has unsaved changes.
      if (!scenes.dirty() && !(lesson.loaded() && lesson.dirty())) break;
      window.set_should_close(false);
      shell.request_quit(ctx);
    }
    // Sleep until an event unless a transition is running or ImGui still
    // needs a frame or two to settle after the last input.
    if (frames_to_draw > 0 || camera.animating() || ui::motion_needs_frames(ctx) || ctx.step_action.action ||
        !window.input_events().empty())
      window.wait_events(0.0);
    else window.wait_events();
    auto now = Clock::now();
    float dt = std::chrono::duration<float>(now - last).count();
    last = now;
    if (frames_to_draw <= 0) frames_to_draw = 2; // an event woke us
    bool moving = camera.update(std::min(dt, 0.1f));

    auto frame_start = Clock::now();
    glm::ivec2 fb = window.framebuffer_size();
    if (fb.x <= 0 || fb.y <= 0) {
      frames_to_draw = 0; // minimised
      continue;
    }
    if (window.take_focus_lost()) input_replay.release_all();
    FrameInput input = input_replay.take_frame(window.input_events(), window.time());
    host.begin_frame(&input);
    ctx.viewport_size = glm::vec2(window.window_size());
    float aspect = static_cast<float>(fb.x) / static_cast<float>(fb.y);
    ctx.view = camera.view();
    ctx.projection = camera.projection(aspect);
    ui::motion_advance(ctx, std::min(dt, 0.1f)); // a preset's transition, Play, Play action
    panels.update_highlights(ctx);
    bool changed = ui::handle_viewport_input(ctx);
    // Labels and the legend first: ImGui 1.86 asserts when a window appears
    // after a modal popup in the same frame, and the shell's modals come last.
    ui::draw_view_annotations(ctx, /*window_bars=*/!ctx.presenting);
    ui::draw_annotations(ctx);
    ui::draw_step_action(ctx);
    // Under the caption (a spotlight leaves it readable); a black screen covers all.
    if (ctx.presenting) ui::draw_pointer(ctx);
    if (ctx.presenting) ui::draw_presenter(lesson, ctx);
    if (document.state().section.slice != slice_seen) slice_panel->open = slice_seen = document.state().section.slice;
    bool before_whole_width = false;
    const auto free_before = ui::free_view_ndc(ctx, &before_whole_width); // from last frame's panels
    shell.draw(ctx);
    changed = shell.take_commands_ran() || changed;
    // A panel that opened (Shift+X's slice, trigger points) or closed: the
    // picture moves into the space the panels leave now.
    if (shell.take_layout_moved() && !frame_when_laid_out)
      changed = ui::follow_free_view(ctx, free_before, before_whole_width) || changed;
    if (ctx.keep_camera_frames > 0) --ctx.keep_camera_frames;
    changed = ui::advance_step_action(ctx, window.time()) || changed;
    // The slice panel follows the document (command, undo, a scene) and the
    // document follows the panel (its close button, its View > Panels item).
    if (document.state().section.slice != slice_seen) {
      slice_panel->open = slice_seen = document.state().section.slice;
    } else if (slice_panel->open != slice_seen) {
      SectionView s = document.state().section;
      s.slice = slice_panel->open;
      s.on = s.on || s.slice;
      document.set_section(s, "Section slice");
      slice_seen = s.slice;
    }
    bool posed = false;
    if (panels.update_pose(ctx)) {
      renderer.update_pose(scene); // soft tissue only: a bone's pose is its matrix
      session.pose_picks(false);   // bones follow at once: a matrix each
      changed = true;
      picks_stale = true;
      posed = true;
    }
    if (picks_stale && !ctx.motion.preview) {
      // The soft tissue's picking follows the posed leg once it stops moving
      // (its hierarchies take tens of milliseconds, too long for every frame
      // of a Play); the bones' are never rebuilt.
      session.pose_picks(true);
      panels.refresh_skin(ctx); // the referral lookup follows too
      picks_stale = false;
    }
    if (frame_when_laid_out && !scene.structures.empty()) {
      // The panels' rectangles are known from this frame on: the first view
      // of an atlas fits the leg into the space they leave.
      ui::go_to_view(ctx, *frame_when_laid_out, /*animate=*/false);
      frame_when_laid_out.reset();
    }
    panels.before_render(ctx);
    panels.update_highlights(ctx);
    if (section.update(ctx, renderer, posed)) changed = true;

    gfx::FrameParams frame;
    frame.view = camera.view();
    frame.projection = camera.projection(aspect);
    frame.viewport_size = fb;
    DrawList list = panels.draw_list(ctx);
    ui::light_step_action(ctx, list);
    renderer.draw(scene, list, frame);
    ctx.stats.triangles = renderer.triangles_drawn();
    if (const std::string& w = renderer.overlay_warning(); !w.empty() && w != last_overlay_warning) {
      ctx.messages.push_back(w);
      ctx.show_messages = true;
      last_overlay_warning = w;
    }
    host.end_frame();
    window.swap_buffers();
    if (report_first_frame && !scene.structures.empty()) {
      // CPU time too (every thread, and this thread alone): under load the
      // wall time mostly says how busy the cores were.
      timespec process_cpu{}, main_cpu{};
      clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &process_cpu);
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &main_cpu);
      auto ms = [](const timespec& t) { return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6; };
      std::fprintf(stderr,
                   "crus: first frame with the atlas presented %.0f ms after the process started (CPU %.0f ms, main thread "
                   "%.0f ms)\n",
                   seconds_since_process_start() * 1000.0, ms(process_cpu), ms(main_cpu));
      report_first_frame = false;
    }
    if (report_pose && posed && panels.first_pose_asked()) {
      const double ms = std::chrono::duration<double, std::milli>(Clock::now() - *panels.first_pose_asked()).count();
      std::fprintf(stderr,
                   "crus: first posed frame presented %.0f ms after the first pose change was asked for; "
                   "soft-tissue binds on the UI thread: %d\n",
                   ms, panels.binds_on_ui_thread());
      report_pose = false;
    }
    notes_window.update(lesson, ctx, window, host);
    ++frames_drawn;
    if (frame_log && *frame_log) {
      try {
        write_file_atomic(frame_log, std::to_string(frames_drawn) + "\n");
      } catch (const std::exception&) {
        frame_log = nullptr; // a test's file, not the user's: stop trying
      }
    }
    ctx.stats.frame_ms = std::chrono::duration<double, std::milli>(Clock::now() - frame_start).count();

    if (ctx.reset_settings) {
      // Back to how a first run looks, and remembered that way.
      ctx.reset_settings = false;
      host.set_font_size(ViewerSettings{}.text_size);
      for (auto [panel, open] : default_open) panel->open = open;
      ctx.light_background = false;
      ctx.ambient_occlusion = true;
      shell.set_panels_hidden(false);
      shell.arrange_panels();
      if (document.state().mirror) document.set_mirror(false);
      ui::follow_mirror(ctx);
      frame_when_laid_out = AnatomicalView::anterior; // fitted once the panels are back in place
      try {
        save_viewer_settings(settings_path, ViewerSettings{});
      } catch (const std::exception& e) {
        ctx.messages.push_back(e.what());
      }
      changed = true;
    }
    if (document.revision() != seen_revision) {
      seen_revision = document.revision();
      changed = true;
    }
    frames_to_draw =
        (changed || moving || input.more || ui::motion_needs_frames(ctx) || ctx.step_action.action) ? 3 : frames_to_draw - 1;
    if (frames_to_draw <= 0 && !settings_path.empty()) {
      // Going idle: remember what changed, so a crash or a kill loses nothing.
      std::string now_json = to_json(current_settings());
      if (now_json != saved_json) {
        try {
          write_file_atomic(settings_path, now_json);
          saved_json = now_json;
        } catch (const std::exception&) {
          saved_json = now_json; // read-only config folder: do not retry every frame
        }
      }
    }
  }
  panels.stop_background_bind(); // closed straight after loading: the bind need not finish
  save_geometry(geometry_path, window.geometry());
  host.save_layout();
  if (!settings_path.empty()) {
    try {
      save_viewer_settings(settings_path, current_settings());
    } catch (const std::exception&) {
      // A read-only config folder must not stop the viewer from closing.
    }
  }
  return 0;
}

} // namespace crus::app
