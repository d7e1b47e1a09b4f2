#include "app/cli.hpp"

#include "app/commands.hpp"
#include "app/handout_export.hpp"
#include "core/error.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <iostream>

namespace crus::app {

namespace {
void add_atlas_options(CLI::App& cmd, AtlasOptions& o) {
  cmd.add_option("--atlas", o.atlas,
                 "Atlas mesh file (glTF, OBJ, FBX, STL ... anything Assimp reads); default: the bundled atlas");
  cmd.add_option("--atlas-map", o.atlas_map, "JSON mapping node names (exact or * ? patterns) to structure ids, units and axes");
}
} // namespace

int run_cli(int argc, char** argv, ViewerEntry viewer_entry) {
  (void)seconds_since_process_start(); // fixes the start reference early
  CLI::App app{"Crus: an interactive 3D atlas of the human lower leg.\n"
               "With no subcommand, opens the viewer on the bundled atlas (or --atlas FILE)."};
  app.set_version_flag("--version", std::string("crus ") + CRUS_VERSION);
  app.require_subcommand(0, 1);
  app.fallthrough(false);

  ViewerOptions viewer;
  add_atlas_options(app, viewer.atlas);
  app.add_option("--view", viewer.view, "Start from this view: anterior|posterior|medial|lateral|superior|inferior");
  app.add_option("--select", viewer.select, "Start with this structure selected (id)");
  app.add_option("--highlight", viewer.highlight,
                 "Start with these highlights of the selection: origin,insertion,innervation,function");
  app.add_option("--overlay", viewer.overlay, "Start with a referral map: referral:ID or trigger-points");
  app.add_option("--scene", viewer.scene, "Open this saved scene (crus-scene JSON, see docs/SCENES.md)");
  app.add_option("--lesson", viewer.lesson, "Open this lesson (a file, or a bundled id: crus lesson list) in the Lesson panel");
  app.add_flag("--present", viewer.present,
               "With --lesson: start in presenter mode (full screen; Page Down/Up, arrows, Space, B, Escape)");
  app.add_option("--panel", viewer.panels, "Open this panel at start (its title, e.g. \"Where does it hurt?\"); repeatable");
  app.add_option("--detail", viewer.detail, "Bundled atlas detail: auto (light on software rendering), full or light")
      ->check(CLI::IsMember({"auto", "full", "light"}))
      ->capture_default_str();
  app.add_option("--text-size", viewer.text_size, "Text size in points (11 to 40), e.g. 32 for a projector")
      ->check(CLI::Range(11.0f, 40.0f));

  RenderOptions render;
  auto* cmd_render = app.add_subcommand("render", "Render the atlas headless to a PNG (figures for slides and handouts)");
  add_atlas_options(*cmd_render, render.atlas);
  cmd_render->add_option("--view", render.view, "anterior|posterior|medial|lateral|superior|inferior")->capture_default_str();
  cmd_render->add_option("--size", render.size, "Image size WIDTHxHEIGHT")->capture_default_str();
  cmd_render->add_option("--out", render.out, "Output PNG file")->capture_default_str();
  cmd_render->add_option("--select", render.select, "Select a structure (id)");
  cmd_render->add_option("--highlight", render.highlight, "Highlights for the selection: origin,insertion,innervation,function");
  cmd_render->add_option("--isolate", render.isolate, "Show only these structures (comma-separated ids)");
  cmd_render->add_option("--ghost", render.ghost, "Draw these structures translucent (comma-separated ids)");
  cmd_render->add_option("--hide", render.hide, "Hide these structures (comma-separated ids)");
  cmd_render->add_option("--overlay", render.overlays, "referral:ID (a muscle or trigger-point id) or trigger-points");
  cmd_render->add_flag("--mirror", render.mirror, "Show a left leg (mirror image)");
  cmd_render->add_flag("!--no-labels", render.labels, "Leave out the labels of the selection");
  cmd_render->add_flag("!--no-ao", render.ambient_occlusion,
                       "Leave out the baked ambient occlusion (flat shading in folds and clefts)");
  cmd_render->add_option("--section", render.section,
                         "Draw the cross-section at this height instead: metres (0.30) or percent of knee -> ankle (40%)");
  cmd_render->add_option("--tilt", render.tilt, "With --section: tilt the plane about the mediolateral axis, degrees");
  cmd_render->add_flag("--compartments", render.compartments,
                       "With --section: tint each muscle by its compartment, with a legend");
  cmd_render->add_flag("--timings", render.timings,
                       "Print where the time went: GL context and shaders, glb import, knowledge, upload, first frame, "
                       "read-back, PNG, a second frame, and the whole process");
  cmd_render->add_option("--pose", render.pose, "Pose the leg: knee=90,ankle=-20,subtalar=0,mtp=0 (degrees; the others neutral)");
  cmd_render->add_option("--animate", render.animate,
                         "Write a frame sequence of a movement, JOINT=FROM:TO[,...] (e.g. ankle=-40:30), into the --out folder");
  cmd_render->add_option("--frames", render.frames, "With --animate: how many frames")
      ->capture_default_str()
      ->check(CLI::Range(2, 1000));
  cmd_render->add_flag("--colour-by-length", render.colour_by_length,
                       "Colour the muscles by length change from neutral (purple shortens, orange lengthens), with a legend");
  cmd_render->add_option("--scene", render.scene, "Render this saved scene (crus-scene JSON); other options change it");
  cmd_render->add_option("--save-scene", render.save_scene,
                         "Also write the scene this render used, to reproduce the figure exactly");
  cmd_render->add_flag("--transparent", render.transparent, "PNG with a transparent background (for slides)");
  cmd_render
      ->add_option("--section-style", render.section_style,
                   "With --section: page (a flat cross-sectional atlas page) or model (the model cut there, in 3D from --view)")
      ->capture_default_str();

  BenchOptions bench;
  auto* cmd_bench = app.add_subcommand("bench", "Render a fixed orbit headless and report frame times");
  add_atlas_options(*cmd_bench, bench.atlas);
  cmd_bench->add_option("--frames", bench.frames, "Frames to render")->capture_default_str()->check(CLI::Range(1, 100000));
  cmd_bench->add_option("--size", bench.size, "Frame size WIDTHxHEIGHT")->capture_default_str();
  cmd_bench->add_flag("--json", bench.json, "Print one JSON object");
  cmd_bench->add_option("--frame-out", bench.frame_out,
                        "Also write the first frame (the anterior view, as crus render draws it) to this PNG, untimed");
  cmd_bench->add_option("--moving", bench.moving,
                        "Also time a moving leg: each frame the next pose of this sweep, JOINT=FROM:TO[,...] "
                        "(e.g. knee=0:120,ankle=20:-40), posed, uploaded and drawn");

  PoseOptions pose;
  auto* cmd_pose = app.add_subcommand(
      "pose", "Pose the leg: muscle lengths, moment arms, posed centroids and which muscles produce a movement");
  add_atlas_options(*cmd_pose, pose.atlas);
  cmd_pose->add_option("--set", pose.set,
                       "Joint angles in degrees, e.g. knee=90,ankle=-20,subtalar=0,mtp=0 (knee flexion, ankle dorsiflexion, "
                       "subtalar inversion, toe extension positive); unset joints stay at 0");
  cmd_pose->add_option("--movement", pose.movement,
                       "Rank the muscles producing this movement at the pose, e.g. \"ankle plantarflexion\", \"subtalar "
                       "eversion\", \"toe extension\"");
  cmd_pose->add_flag("--json", pose.json, "Print one JSON object");
  cmd_pose->add_flag("--no-structures", pose.no_structures, "Leave out the structures' posed centroids (no atlas is loaded)");

  auto* cmd_atlas = app.add_subcommand("atlas", "Atlas generator");
  cmd_atlas->require_subcommand(1);
  std::string atlas_out = "assets/atlas";
  auto* cmd_atlas_build = cmd_atlas->add_subcommand("build", "Generate the bundled lower-leg atlas (glb, manifest, sources)");
  cmd_atlas_build->add_option("--out", atlas_out, "Output folder")->capture_default_str();
  bool atlas_timings = false;
  cmd_atlas_build->add_flag("--timings", atlas_timings, "Print the seconds each phase of the generation took");

  SectionOptions section;
  auto* cmd_section = app.add_subcommand(
      "section", "What a plane through the leg cuts: each structure's area and centroid, the skin's circumference");
  add_atlas_options(*cmd_section, section.atlas);
  cmd_section
      ->add_option("HEIGHT", section.height,
                   "Metres in the model frame (0.30) or percent of the way from the knee joint centre down to the ankle's (40%)")
      ->required();
  cmd_section->add_option("--tilt", section.tilt, "Tilt the plane about the mediolateral axis, degrees (anterior side up)")
      ->capture_default_str();
  cmd_section->add_option(
      "--pose", section.pose,
      "Cut the posed leg: knee=90,ankle=-20,... (the plane moves with the tibia, so it cuts the same level of the shank)");
  cmd_section->add_flag("--json", section.json, "Print JSON");

  AtlasOptions list_atlas;
  bool list_json = false;
  auto* cmd_list = app.add_subcommand("list", "List every structure of the atlas");
  add_atlas_options(*cmd_list, list_atlas);
  cmd_list->add_flag("--json", list_json, "Print JSON");

  AtlasOptions info_atlas;
  std::string info_id;
  bool info_json = false;
  auto* cmd_info = app.add_subcommand("info", "Describe one structure");
  add_atlas_options(*cmd_info, info_atlas);
  cmd_info->add_option("ID", info_id, "Structure id (see crus list)")->required();
  cmd_info->add_flag("--json", info_json, "Print JSON");

  AtlasOptions search_atlas;
  std::string search_text;
  bool search_json = false;
  int search_limit = 10;
  auto* cmd_search = app.add_subcommand("search", "Find structures by name, Latin name or synonym (fuzzy)");
  add_atlas_options(*cmd_search, search_atlas);
  cmd_search->add_option("TEXT", search_text, "What to look for, e.g. peroneus or Achilles")->required();
  cmd_search->add_option("--limit", search_limit, "Most results to show")->capture_default_str()->check(CLI::Range(1, 100));
  cmd_search->add_flag("--json", search_json, "Print JSON");

  AtlasOptions validate_atlas;
  auto* cmd_validate =
      app.add_subcommand("validate", "Check every asset (atlas, manifest, knowledge base, trigger points, red flags)");
  add_atlas_options(*cmd_validate, validate_atlas);

  AtlasOptions referral_atlas;
  std::string referral_at;
  bool referral_json = false;
  float referral_max = 0.05f;
  auto* cmd_referral = app.add_subcommand("referral", "Which trigger points refer pain to a point on the skin");
  add_atlas_options(*cmd_referral, referral_atlas);
  cmd_referral->add_option("--at", referral_at, "X,Y,Z in metres, model frame (X anterior, Y up, Z lateral)")->required();
  cmd_referral->add_option("--max-distance", referral_max, "Farthest a point may be from the skin (m)")->capture_default_str();
  cmd_referral->add_flag("--json", referral_json, "Print JSON");

  AtlasOptions handout_atlas;
  std::string handout_trigger_point, handout_at, handout_out, handout_paper = "a4";
  auto* cmd_handout = app.add_subcommand("handout", "Write a printable patient handout (PDF, or PNG pages at 150 dpi; A4 or US "
                                                    "Letter) for a trigger point or a painful point on the skin");
  add_atlas_options(*cmd_handout, handout_atlas);
  cmd_handout->add_option("--trigger-point", handout_trigger_point, "Trigger-point id, e.g. soleus_trp1");
  cmd_handout->add_option("--at", handout_at, "X,Y,Z in metres (model frame): the painful point, snapped to the skin");
  cmd_handout->add_option("--out", handout_out, "FILE.pdf (searchable text) or FILE.png (further pages as FILE-2.png, ...)")
      ->required();
  cmd_handout->add_option("--paper", handout_paper, "a4 or letter (default a4)");
  HandoutPatient handout_patient; // printed on the page, stored nowhere else
  cmd_handout->add_option("--patient", handout_patient.name, "Patient's name, printed under the title");
  cmd_handout->add_option("--date", handout_patient.date, "Date of the consultation, YYYY-MM-DD");
  cmd_handout->add_option("--notes", handout_patient.notes, "Clinician's notes, printed first (one paragraph per line)");

  QuizOptions quiz;
  auto* cmd_quiz = app.add_subcommand(
      "quiz", "Print a reproducible quiz (same seed and knowledge version, same questions), or study due cards");
  cmd_quiz->add_option("--seed", quiz.seed, "Seed of the question order and options (0 .. 2^64-1; default 1)");
  cmd_quiz->add_option("--count", quiz.count, "Number of questions")->capture_default_str()->check(CLI::Range(1, 1000));
  cmd_quiz->add_option("--types", quiz.types,
                       "Question types, comma-separated: point-to,name-it,facts,trigger-point,movement,section (default: all)");
  cmd_quiz->add_option("--topic", quiz.topic,
                       "all, region:NAME, compartment:NAME, system:muscles|bones|nerves|trigger-points or lesson:ID (a lesson "
                       "file or bundled id)");
  cmd_quiz->add_flag("--json", quiz.json, "Print JSON (questions, choices, answers, explanations, sources, knowledge version)");
  cmd_quiz->add_flag("--study", quiz.study, "Study in the terminal: due cards first, then new ones; answers are saved");
  cmd_quiz->add_option("--db", quiz.db, "Progress database (default: $XDG_DATA_HOME/crus/progress.db)");
  cmd_quiz->add_flag("--worksheet", quiz.worksheet,
                     "Write a printable worksheet with figures and an answer key on the last page (needs --out)");
  cmd_quiz->add_option("--out", quiz.out, "Worksheet file: .pdf, or .png for one image per page (quiz-1.png, quiz-2.png ...)");
  cmd_quiz->add_option("--paper", quiz.paper, "Worksheet paper: a4 or letter")->capture_default_str();

  LessonExportOptions lesson;
  bool lesson_json = false;
  auto* cmd_lesson = app.add_subcommand("lesson", "Lessons: ordered steps (scene, caption, speaker notes); list or export them");
  cmd_lesson->require_subcommand(1);
  auto* cmd_lesson_list = cmd_lesson->add_subcommand("list", "List the bundled lessons");
  cmd_lesson_list->add_flag("--json", lesson_json, "Print JSON");
  auto* cmd_lesson_export = cmd_lesson->add_subcommand(
      "export", "Write one PNG slide per step (caption included), notes.md and lesson.pdf (one step per page with its notes)");
  add_atlas_options(*cmd_lesson_export, lesson.atlas);
  cmd_lesson_export->add_option("LESSON", lesson.lesson, "Lesson file, or the id of a bundled lesson (crus lesson list)")
      ->required();
  cmd_lesson_export->add_option("--out", lesson.out, "Folder for the slides (step-01.png ...), notes.md and lesson.pdf")
      ->required();
  cmd_lesson_export->add_option("--size", lesson.size, "Slide size WIDTHxHEIGHT")->capture_default_str();
  cmd_lesson_export->add_flag("--transparent", lesson.transparent, "Slides with a transparent background");
  cmd_lesson_export->add_option("--paper", lesson.paper, "Paper of lesson.pdf: a4 or letter")->capture_default_str();

  ProgressOptions progress;
  auto* cmd_progress =
      app.add_subcommand("progress", "Study progress: due today, streak, mastery, weakest cards; export or reset");
  cmd_progress->add_option("--db", progress.db, "Progress database (default: $XDG_DATA_HOME/crus/progress.db)");
  cmd_progress->add_option("--export", progress.export_path, "Write every card and review to FILE (.json or .csv)");
  cmd_progress->add_flag("--reset", progress.reset, "Start again; the old database is kept beside it, renamed");
  cmd_progress->add_flag("--json", progress.json, "Print the dashboard as JSON");

  bool commands_json = false;
  auto* cmd_commands =
      app.add_subcommand("commands", "List the viewer's commands: id, title, menu, context and keys (keys.json applied)");
  cmd_commands->add_flag("--json", commands_json, "Print JSON");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "crus: " << e.what() << " (see crus --help)\n";
    return 2;
  }

  try {
    if (*cmd_render) {
      render.view_given = cmd_render->count("--view") > 0;
      render.size_given = cmd_render->count("--size") > 0;
      return run_render(render);
    }
    if (*cmd_lesson_list) return run_lesson_list(lesson_json);
    if (*cmd_lesson_export) return run_lesson_export(lesson);
    if (*cmd_bench) return run_bench(bench);
    if (*cmd_pose) return run_pose(pose);
    if (*cmd_atlas_build) return run_atlas_build(atlas_out, atlas_timings);
    if (*cmd_section) return run_section(section);
    if (*cmd_list) return run_list(list_atlas, list_json);
    if (*cmd_info) return run_info(info_atlas, info_id, info_json);
    if (*cmd_search) return run_search(search_atlas, search_text, search_json, search_limit);
    if (*cmd_validate) return run_validate(validate_atlas);
    if (*cmd_referral) return run_referral(referral_atlas, referral_at, referral_json, referral_max);
    if (*cmd_quiz) return run_quiz(quiz);
    if (*cmd_progress) return run_progress(progress);
    if (*cmd_commands) return run_commands(commands_json);
    if (*cmd_handout)
      return run_handout(handout_atlas, handout_trigger_point, handout_at, handout_out, handout_patient, handout_paper);
    if (!viewer_entry)
      throw InputError("crus-headless", "this build has no viewer; give a subcommand (render, handout, bench, ...)");
    return viewer_entry(viewer);
  } catch (const InputError& e) {
    std::cerr << "crus: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "crus: " << e.what() << "\n";
    return 1;
  }
}

} // namespace crus::app
