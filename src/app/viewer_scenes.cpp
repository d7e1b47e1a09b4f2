#include "app/viewer_scenes.hpp"

#include "ui/motion_player.hpp"

#include "core/error.hpp"
#include "core/io/file_io.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace crus::app {

namespace fs = std::filesystem;

SceneFile ViewerScenes::current() const {
  SceneFile f;
  if (saved) f = *saved;
  f.atlas.name = atlas_name();
  f.atlas.map = atlas_map();
  f.atlas.fingerprint = atlas_fingerprint(*ctx.scene);
  f.atlas.structures = static_cast<int>(ctx.scene->structures.size());
  const SceneSpec* previous = saved ? &saved->scene : nullptr;
  f.scene = capture_scene_spec(ctx.document->state(), *ctx.scene, ctx.camera->pose(), previous);
  f.scene.painted = ctx.painted;
  f.scene.brush_radius = ctx.brush_radius;
  f.scene.text_size = text_size();
  f.scene.width = f.scene.height = 0; // the window's size is no part of the scene
  return f;
}

std::string ViewerScenes::open(const std::string& path) {
  try {
    if (ctx.scene->structures.empty()) return "no atlas is loaded to show the scene on";
    SceneFile file = load_scene_file(path); // fails before anything changes
    if (file.atlas.name != "bundled" && file.atlas.name != atlas_name() && ctx.open_atlas) ctx.open_atlas(file.atlas.name);
    const std::vector<std::string> unknown = show(file.scene, "Open scene");
    if (!unknown.empty()) {
      ctx.messages.push_back(path + ": " + describe_unknown_ids(unknown));
      ctx.show_messages = true;
    }
    if (file.atlas.fingerprint != atlas_fingerprint(*ctx.scene))
      ctx.messages.push_back(path +
                             ": the atlas's structures have changed since the scene was saved; structures are matched by id");
    if (file.scene.text_size > 0.0f && set_text_size) set_text_size(file.scene.text_size);
    saved = file;
    resync_ = true; // compared once the camera has arrived, not mid-transition
    return "";
  } catch (const std::exception& e) {
    return e.what();
  }
}

std::vector<std::string> ViewerScenes::show(const SceneSpec& spec, const std::string& action, float seconds) {
  AppliedScene applied = apply_scene_spec(spec, *ctx.scene);
  // Pins and arrows back onto the surface, in case the atlas was regenerated
  // since they were placed (their structures' rest meshes, not the posed ones).
  if (std::string moved =
          describe_snap(snap_annotations(applied.state.annotations, ctx.annotate.rest ? *ctx.annotate.rest : *ctx.scene));
      !moved.empty())
    ctx.messages.push_back(moved);
  if (applied.state.overlay.mode != OverlayMode::none) {
    // The overlay's target is a trigger point or a muscle with trigger points.
    const std::string& target = applied.state.overlay.target;
    if (!ctx.trigger_points) {
      applied.state.overlay = Overlay{};
    } else if (applied.state.overlay.mode != OverlayMode::all) {
      if (select_trigger_points(*ctx.trigger_points, target).empty()) {
        applied.unknown_ids.push_back(target);
        applied.state.overlay = Overlay{};
      } else {
        applied.state.overlay.mode = ctx.trigger_points->find(target) ? OverlayMode::trigger_point : OverlayMode::muscle;
      }
    }
  }
  // A movement still playing would land over the scene's pose.
  ui::motion_stop(ctx);
  const bool moved = !(ctx.document->state().pose == applied.state.pose);
  ctx.document->load_state(applied.state, action);
  ctx.painted = spec.painted;
  ctx.brush_radius = spec.brush_radius;
  ctx.mirror_seen = applied.state.mirror;
  // The view below is the scene's or the step's own: the panels it opens or
  // closes (the slice) are laid out on the next frame and must not move it.
  ctx.keep_camera_frames = 2;
  if (spec.camera) {
    ctx.camera->animate_to(*spec.camera, seconds);
  } else if (ctx.presenting) {
    // Framed above the caption band, which covers the bottom fifth.
    const float aspect = ctx.viewport_size.x / std::max(ctx.viewport_size.y, 1.0f);
    const Aabb box = ui::visible_bounds(ctx);
    OrbitCamera probe = *ctx.camera;
    probe.set_pose(probe.pose_for(spec.view.value_or(AnatomicalView::anterior), box, applied.state.mirror, aspect));
    ctx.camera->animate_to(probe.framing_pose(box, aspect, glm::vec2(-1.0f, -0.6f), glm::vec2(1.0f)), seconds);
  } else {
    ui::go_to_view(ctx, spec.view.value_or(AnatomicalView::anterior));
    // The view was fitted to the leg as it stood; fit it again once the
    // meshes are in the scene's pose (a squat reaches far behind).
    if (moved) ctx.motion.reframe = true;
  }
  return applied.unknown_ids;
}

std::string ViewerScenes::save(const std::string& path) {
  try {
    SceneFile f = current();
    save_scene_file(path, f);
    saved = f;
    saved_json = scene_file_to_json(f);
    return "";
  } catch (const std::exception& e) {
    return e.what();
  }
}

bool ViewerScenes::dirty() {
  if (!saved || ctx.camera->animating()) return false;
  if (resync_) {
    saved_json = scene_file_to_json(current());
    resync_ = false;
  }
  return scene_file_to_json(current()) != saved_json;
}

std::string ViewerScenes::export_image(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext != ".png") return path + ": figures are PNG images; give a name ending in .png";
  try {
    check_writable_file(path, "Export image");
    const fs::path dir = fs::temp_directory_path() / ("crus-export-" + std::to_string(getpid()));
    fs::create_directories(dir);
    const std::string scene_path = (dir / "scene.json").string(), err_path = (dir / "stderr.txt").string();
    SceneFile f = current();
    const glm::ivec2 size = framebuffer_size();
    f.scene.width = std::max(size.x, 16);
    f.scene.height = std::max(size.y, 16);
    save_scene_file(scene_path, f);
    // The same program, as `crus render --scene`: the figure is exactly what
    // the command line makes of the scene, and no second GL context has to
    // share this one.
    std::vector<std::string> args = {"/proc/self/exe", "render", "--scene", scene_path, "--out", path};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&files, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t child = 0;
    int rc = posix_spawn(&child, "/proc/self/exe", &files, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&files);
    if (rc != 0) return std::string("could not start the renderer: ") + std::strerror(rc);
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
    std::string err;
    std::getline(std::ifstream(err_path) >> std::ws, err);
    std::error_code ec;
    fs::remove_all(dir, ec);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return err.empty() ? "the figure could not be rendered" : err;
    return "";
  } catch (const std::exception& e) {
    return e.what();
  }
}

ui::SceneFileActions ViewerScenes::actions(std::function<void()> quit) {
  ui::SceneFileActions a;
  a.open_scene = [this](const std::string& p) { return open(p); };
  a.save_scene = [this](const std::string& p) { return save(p); };
  a.export_image = [this](const std::string& p) { return export_image(p); };
  a.dirty = [this] { return dirty(); };
  a.quit = std::move(quit);
  return a;
}

} // namespace crus::app
