// crus lesson list | export: the bundled lessons, and slides made from one.
#include "app/commands.hpp"
#include "app/offscreen.hpp"
#include "app/presentation.hpp"
#include "app/scene_setup.hpp"
#include "core/error.hpp"
#include "core/io/file_io.hpp"
#include "core/teaching/lesson.hpp"
#include "core/teaching/lesson_document.hpp"
#include "core/motion/posed_leg.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

namespace crus::app {

int run_lesson_list(bool json) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  int status = 0;
  for (const std::string& file : bundled_lesson_files()) {
    try {
      Lesson l = load_lesson(file);
      if (json) {
        list.push_back(
            {{"id", std::filesystem::path(file).stem().string()}, {"title", l.title}, {"steps", l.steps.size()}, {"file", file}});
      } else {
        std::cout << std::filesystem::path(file).stem().string() << "  " << l.title << " (" << l.steps.size() << " steps)\n";
      }
    } catch (const InputError& e) {
      std::cerr << "crus: " << e.what() << "\n";
      status = 2;
    }
  }
  if (json) std::cout << dump_json(list) << "\n";
  return status;
}

int run_lesson_export(const LessonExportOptions& options) {
  const std::string path = resolve_lesson(options.lesson, "LESSON");
  Lesson lesson = load_lesson(path); // a bad lesson fails before any work
  auto [width, height] = parse_size(options.size, "--size");
  const std::optional<Paper> paper = parse_paper(options.paper);
  if (!paper) throw InputError("--paper", "expected a4 or letter, got \"" + options.paper + "\"");
  std::error_code ec;
  std::filesystem::create_directories(options.out, ec);
  check_writable_folder(options.out, "--out");

  AtlasOptions atlas = options.atlas;
  if (atlas.atlas.empty() && lesson.atlas && lesson.atlas->name != "bundled") {
    atlas.atlas = lesson.atlas->name;
    atlas.atlas_map = lesson.atlas->map;
  }
  Scene scene = load_atlas(atlas, true);
  OffscreenRenderer renderer(width, height);
  renderer.upload(scene);
  // Steps whose scene poses the leg (scene version 2) are drawn posed, as the
  // viewer shows them; an atlas that cannot move is drawn at rest, said once.
  std::optional<motion::MotionModel> model;
  std::optional<motion::MuscleSet> muscles;
  std::optional<motion::LegPoser> poser;
  const bool any_pose = std::any_of(lesson.steps.begin(), lesson.steps.end(),
                                    [](const LessonStep& st) { return !(st.scene.pose == motion::Pose{}); });
  if (any_pose) {
    try {
      const auto dir = std::filesystem::path(assets_dir()) / "motion";
      model.emplace(motion::load_motion_model((dir / "joints.json").string()));
      muscles.emplace(motion::load_muscles((dir / "muscles.json").string(), *model));
      poser.emplace(*model, *muscles, scene);
    } catch (const std::exception& e) {
      std::cerr << "crus: warning: " << path << ": steps with a pose are drawn at rest (" << e.what() << ")\n";
      poser.reset();
    }
  }
  motion::Pose applied{};
  const float aspect = static_cast<float>(width) / static_cast<float>(height);
  std::ostringstream notes;
  notes << "# " << lesson.title << "\n\n" << lesson.summary << "\n";
  const int count = static_cast<int>(lesson.steps.size());
  std::vector<Image> slides; // for the PDF
  for (int i = 0; i < count; ++i) {
    const LessonStep& step = lesson.steps[static_cast<std::size_t>(i)];
    if (poser && !(step.scene.pose == applied)) {
      poser->apply(step.scene.pose, scene);
      renderer.update_pose(scene);
      applied = step.scene.pose;
    }
    // A fresh presentation per step: nothing of the previous step leaks in.
    Presentation presentation(scene, /*with_knowledge=*/true);
    // Pins and arrows are stored at rest: found on the rest meshes, drawn on the posed ones.
    if (poser) presentation.rest = &poser->rest();
    std::vector<std::string> unknown = presentation.apply_scene(step.scene);
    if (!unknown.empty())
      std::cerr << "crus: warning: " << path << ": step " << i + 1 << ": " << describe_unknown_ids(unknown) << "\n";
    // The bottom fifth is the caption's: the model is framed above it.
    OrbitCamera camera = presentation.camera_for_scene(step.scene, AnatomicalView::anterior, aspect, -0.6f);
    Image image = presentation.render(
        renderer, camera, step.scene.labels,
        [&](const CanvasPen& pen) {
          draw_slide_caption(pen, static_cast<float>(height) / 24.0f, step.caption, i, count, static_cast<float>(width),
                             static_cast<float>(height));
        },
        options.transparent);
    char name[32];
    std::snprintf(name, sizeof name, "step-%02d.png", i + 1);
    const std::string out = (std::filesystem::path(options.out) / name).string();
    write_png(image, out);
    slides.push_back(std::move(image));
    std::cout << out << ": " << width << "x" << height << ", step " << i + 1 << " of " << count << "\n";
    notes << "\n## " << i + 1 << ". " << (step.title.empty() ? step.caption : step.title) << "\n\n"
          << step.caption << "\n\nNotes: " << step.notes << "\n\nSources: ";
    for (std::size_t k = 0; k < step.sources.size(); ++k) notes << (k ? ", " : "") << step.sources[k];
    notes << "\n";
  }
  notes << "\n## Sources\n\n";
  for (const auto& s : lesson.sources) notes << "- " << s.key << ": " << s.citation << (s.url.empty() ? "" : " " + s.url) << "\n";
  const std::string notes_path = (std::filesystem::path(options.out) / "notes.md").string();
  write_file_atomic(notes_path, notes.str());
  std::cout << notes_path << ": captions, speaker notes and sources\n";
  const std::string pdf_path = (std::filesystem::path(options.out) / "lesson.pdf").string();
  const std::size_t pages = write_lesson_pdf(lesson, slides, pdf_path, *paper);
  std::cout << pdf_path << ": " << pages << (pages == 1 ? " page" : " pages") << " ("
            << (*paper == Paper::a4 ? "A4" : "US Letter") << "), one step per page with its notes\n";
  return 0;
}

} // namespace crus::app
