#pragma once
// The subcommands of `crus`. Each returns the exit status and throws
// InputError (status 2) or another exception (status 1) on failure.
#include "core/geometry/camera.hpp"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace crus::app {

struct AtlasOptions {
  std::string atlas;                  // empty: the bundled atlas
  std::string atlas_map;              // empty: none
  int lod = 0;                        // bundled atlas only: 0 full detail, 1 light (about 150k triangles)
  std::string resolved_atlas() const; // the bundled one when empty
};

struct ViewerOptions {
  AtlasOptions atlas;
  std::string view;                       // start from this anatomical view
  std::string select, highlight, overlay; // as for render, to open on a figure
  std::vector<std::string> panels;        // panels to open at start (titles)
  std::string detail = "auto";            // auto (light on software renderers), full, light
  float text_size = 0.0f;                 // points; 0: the remembered or default size
  std::string scene;                      // open this saved scene (crus --scene FILE)
  std::string lesson;                     // open this lesson (file or bundled id) in the Lesson panel
  bool present = false;                   // and start presenting it
};
int run_viewer(const ViewerOptions& options);

struct RenderOptions {
  AtlasOptions atlas;
  std::string view = "anterior";
  std::string size = "1600x1200";
  std::string out = "crus.png";
  std::string select;
  std::string highlight;             // origin,insertion,innervation,function
  std::string isolate, ghost, hide;  // comma-separated ids
  std::vector<std::string> overlays; // referral:ID, trigger-points
  bool labels = true;
  bool mirror = false;
  std::string section;                         // a height: draw the section page there instead of a view
  double tilt = 0.0;                           // of the section plane, degrees
  bool compartments = false;                   // with --section (page): tint the muscles by compartment
  std::string section_style = "page";          // page: the flat 2D atlas page; model: the model cut there, capped, in 3D
  bool timings = false;                        // print where the time went (ms per phase)
  std::string pose;                            // knee=90,ankle=-20: the leg posed (soft tissue deformed)
  std::string animate;                         // ankle=-40:30: a frame sequence of that movement into the --out folder
  int frames = 24;                             // with --animate
  bool colour_by_length = false;               // muscles coloured by length change from neutral, with a legend
  std::string scene;                           // render this saved scene; the options above then change it
  std::string save_scene;                      // write the scene this render used
  bool transparent = false;                    // background with alpha 0 (slides)
  bool ambient_occlusion = true;               // shade with the atlas's baked ambient occlusion (--no-ao)
  bool view_given = false, size_given = false; // --view / --size on the command line (else the scene's)
};
int run_render(const RenderOptions& options);

struct BenchOptions {
  AtlasOptions atlas;
  int frames = 120;
  std::string size = "1920x1080";
  bool json = false;
  std::string frame_out; // also write the first frame (the anterior view) as a PNG
  std::string moving;    // a sweep (knee=0:120,...): also time a moving leg, a new pose each frame
};
int run_bench(const BenchOptions& options);

struct PoseOptions {
  AtlasOptions atlas;
  std::optional<std::string> set; // knee=90,ankle=-20,...; absent: neutral
  std::string movement;           // e.g. "ankle plantarflexion": rank the muscles producing it
  bool json = false;
  bool no_structures = false; // skip loading the atlas (muscles only)
};
int run_pose(const PoseOptions& options);
struct SectionOptions {
  AtlasOptions atlas;
  std::string height; // metres ("0.30") or percent of knee -> ankle ("40%")
  double tilt = 0.0;  // degrees about the mediolateral axis, anterior side up
  std::string pose;   // knee=90,ankle=-20: cut the posed leg at the same level of the shank
  bool json = false;
};
int run_section(const SectionOptions& options);

struct LessonExportOptions {
  AtlasOptions atlas;
  std::string lesson;       // a lesson file, or the id of a bundled lesson
  std::string out;          // folder for step-NN.png, notes.md and lesson.pdf
  std::string paper = "a4"; // of lesson.pdf: a4 or letter
  std::string size = "1920x1080";
  bool transparent = false;
};
int run_lesson_export(const LessonExportOptions& options);
int run_lesson_list(bool json);

int run_atlas_build(const std::string& out_dir, bool timings = false);
int run_list(const AtlasOptions& atlas, bool json);
int run_info(const AtlasOptions& atlas, const std::string& id, bool json);
int run_search(const AtlasOptions& atlas, const std::string& text, bool json, int limit);
int run_validate(const AtlasOptions& atlas);
int run_referral(const AtlasOptions& atlas, const std::string& at, bool json, float max_distance);
std::string knowledge_dir(); // assets/knowledge

struct QuizOptions {
  std::string seed; // decimal 0 .. 2^64-1; empty: 1 (study: the clock)
  int count = 10;
  std::string types; // comma-separated: point-to,name-it,facts,trigger-point,movement,section
  std::string topic; // all | region:X | compartment:X | system:X
  bool json = false;
  bool study = false;       // ask due cards in the terminal and log the answers
  std::string db;           // progress database; empty: the XDG data folder
  bool worksheet = false;   // write a printable worksheet with an answer key to `out`
  std::string out;          // worksheet: .pdf (all pages) or .png (one file per page)
  std::string paper = "a4"; // worksheet: a4 or letter
};
int run_quiz(const QuizOptions& options);

struct ProgressOptions {
  std::string db;
  std::string export_path; // .json or .csv
  bool reset = false;
  bool json = false;
};
int run_progress(const ProgressOptions& options);

// Lists the viewer's commands (core/commands/command_catalogue.cpp) with the user's keys.
int run_commands(bool json);

// Seconds since the process started (from /proc where available).
double seconds_since_process_start();

} // namespace crus::app
