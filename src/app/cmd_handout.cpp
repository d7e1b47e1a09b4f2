#include "app/handout_export.hpp"

#include "app/offscreen.hpp"
#include "app/presentation.hpp"
#include "app/scene_setup.hpp"
#include "core/error.hpp"
#include "core/io/file_io.hpp"
#include "core/anatomy/referral.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cctype>
#include <cstring>
#include <cmath>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace crus::app {

namespace {

constexpr float kMaxSkinDistance = 0.05f; // metres, as crus referral

const TriggerPoint& find_trigger_point(const TriggerPointSet& set, const std::string& id, const std::string& option) {
  if (const TriggerPoint* tp = set.find(id)) return *tp;
  std::string message = "no trigger point is called \"" + id + "\"";
  auto of_muscle = select_trigger_points(set, id);
  std::vector<std::string> ids;
  for (const TriggerPoint* tp : of_muscle.empty() ? std::vector<const TriggerPoint*>{} : of_muscle) ids.push_back(tp->id);
  if (ids.empty())
    for (const auto& tp : set.trigger_points) ids.push_back(tp.id);
  std::string list;
  for (const auto& i : ids) list += (list.empty() ? "" : ", ") + i;
  message += of_muscle.empty() ? "; known ones: " + list : "; that muscle's trigger points are " + list;
  throw InputError(option, message);
}

} // namespace

const std::vector<AnatomicalView>& handout_views() {
  static const std::vector<AnatomicalView> views = {AnatomicalView::posterior, AnatomicalView::anterior, AnatomicalView::medial,
                                                    AnatomicalView::lateral};
  return views;
}

Image crop_to_content(const Image& image, const std::uint8_t background[3], int margin) {
  auto differs = [&](int x, int y) {
    const std::uint8_t* p = image.at(x, y);
    for (int c = 0; c < 3; ++c)
      if (std::abs(static_cast<int>(p[c]) - background[c]) > 6) return true;
    return false;
  };
  int x0 = image.width, y0 = image.height, x1 = -1, y1 = -1;
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x)
      if (differs(x, y)) {
        x0 = std::min(x0, x);
        x1 = std::max(x1, x);
        y0 = std::min(y0, y);
        y1 = std::max(y1, y);
      }
  if (x1 < 0) return image; // nothing drawn
  x0 = std::max(0, x0 - margin);
  y0 = std::max(0, y0 - margin);
  x1 = std::min(image.width - 1, x1 + margin);
  y1 = std::min(image.height - 1, y1 + margin);
  Image out;
  out.width = x1 - x0 + 1;
  out.height = y1 - y0 + 1;
  out.rgba.resize(static_cast<std::size_t>(out.width) * out.height * 4);
  for (int y = 0; y < out.height; ++y) std::memcpy(out.at(0, y), image.at(x0, y0 + y), static_cast<std::size_t>(out.width) * 4);
  return out;
}

std::vector<Image> render_handout_views(const Scene& scene, Presentation& presentation, OffscreenRenderer& renderer,
                                        const Overlay& overlay, const std::vector<glm::vec3>& painted) {
  // The session makes the list and the framing, the same ones as the viewer's handout export.
  Session& session = presentation.session();
  const DrawList list = session.handout_draw_list(overlay, painted, presentation.brush_radius);
  const float aspect = static_cast<float>(renderer.width()) / static_cast<float>(renderer.height());
  const std::uint8_t white[3] = {255, 255, 255};
  std::vector<Image> out;
  for (AnatomicalView view : handout_views()) {
    renderer.draw(scene, list, session.handout_camera(view, aspect));
    out.push_back(crop_to_content(renderer.read(), white, 12));
  }
  return out;
}

HandoutMaterial make_handout(const TriggerPointSet& set, const RedFlagSet* red_flags, const std::string& trigger_point,
                             const std::vector<glm::vec3>& painted, bool colour_blind_safe,
                             const HandoutViewRenderer& render_views, const BodyAreaMap* areas, const HandoutPatient& patient) {
  HandoutMaterial m;
  HandoutContent& content = m.content;
  Overlay overlay;
  overlay.colour_blind_safe = colour_blind_safe;
  if (!trigger_point.empty()) {
    const TriggerPoint& tp = find_trigger_point(set, trigger_point, "trigger point");
    content = handout_for_trigger_point(tp, set, red_flags, areas ? trigger_point_areas(tp, *areas) : std::vector<BodyArea>{});
    overlay.mode = OverlayMode::trigger_point;
    overlay.target = tp.id;
  } else {
    auto candidates = lookup_referral(set, painted);
    content = handout_for_pain_map(candidates, set, red_flags, areas ? areas->areas_of(painted) : std::vector<BodyArea>{});
    if (!candidates.empty()) {
      overlay.mode = OverlayMode::trigger_point;
      overlay.target = candidates.front().trigger_point;
    }
  }
  if (render_views) m.views = render_views(overlay, trigger_point.empty() ? painted : std::vector<glm::vec3>{});
  if (m.views.empty()) content.view_captions.clear();
  content.patient = patient;
  return m;
}

void check_handout_path(const std::string& path, const std::string& option) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext != ".pdf" && ext != ".png")
    throw InputError(option, "\"" + path + "\": the handout is written as a PDF (FILE.pdf) or as PNG pages (FILE.png)");
}

int run_handout(const AtlasOptions& atlas, const std::string& trigger_point, const std::string& at, const std::string& out,
                const HandoutPatient& patient, const std::string& paper_name) {
  if (trigger_point.empty() == at.empty())
    throw InputError("handout", "give either --trigger-point ID or --at X,Y,Z (a point on the skin), not both or neither");
  if (std::string problem = check_handout_patient(patient); !problem.empty()) {
    auto colon = problem.find(": ");
    throw InputError(problem.substr(0, colon), problem.substr(colon + 2));
  }
  std::optional<glm::vec3> point;
  if (!at.empty()) point = parse_model_point(at, "--at");
  check_handout_path(out, "--out");
  check_writable_file(out, "--out");
  const std::optional<Paper> paper = parse_paper(paper_name);
  if (!paper) throw InputError("--paper", "expected a4 or letter, got \"" + paper_name + "\"");

  Scene scene = load_atlas(atlas, true);
  Presentation presentation(scene, /*with_knowledge=*/true);
  presentation.load_trigger_points();
  const TriggerPointSet& set = *presentation.trigger_points();
  std::vector<glm::vec3> painted;
  std::string what;
  if (!trigger_point.empty()) {
    what = find_trigger_point(set, trigger_point, "--trigger-point").label; // before any rendering
  } else {
    const SceneStructure* skin = nullptr;
    for (const auto& s : scene.structures)
      if (s.kind == StructureKind::skin) skin = &s;
    if (!skin) throw InputError(atlas.resolved_atlas(), "the atlas has no skin to snap the point to");
    SurfacePoint snapped = snap_to_surface(skin->mesh, *point);
    if (snapped.distance > kMaxSkinDistance) {
      std::ostringstream msg;
      msg << std::fixed << std::setprecision(3) << "the point is " << snapped.distance << " m from the skin (more than "
          << kMaxSkinDistance << " m): not on the leg; coordinates are metres in the model frame (X anterior, Y up, Z lateral)";
      throw InputError("--at", msg.str());
    }
    painted.push_back(snapped.point);
    what = "the pain map at " + at;
  }

  OffscreenRenderer renderer(kHandoutViewWidth, kHandoutViewHeight);
  renderer.upload(scene);
  HandoutViewRenderer views = [&](const Overlay& overlay, const std::vector<glm::vec3>& marks) {
    return render_handout_views(scene, presentation, renderer, overlay, marks);
  };
  std::optional<BodyAreaMap> areas;
  if (scene.manifest) areas = BodyAreaMap::from_landmarks(scene.manifest->landmarks);
  auto m = make_handout(set, presentation.red_flags(), trigger_point, painted, false, views, areas ? &*areas : nullptr, patient);
  std::size_t pages = 0;
  auto written = write_handout(m.content, m.views, out, *paper, &pages);
  const PaperSize size = paper_size(*paper);
  std::cout << out << ": handout for " << what << ", " << pages << (pages == 1 ? " page" : " pages") << " of "
            << (*paper == Paper::a4 ? "A4" : "US Letter");
  if (is_pdf_path(out)) std::cout << " (PDF)";
  else
    std::cout << " (PNG, " << std::lround(size.width_pt * kHandoutDpi / 72.0) << "x"
              << std::lround(size.height_pt * kHandoutDpi / 72.0) << " at 150 dpi)";
  for (std::size_t k = 1; k < written.size(); ++k) std::cout << (k == 1 ? "; also " : ", ") << written[k];
  std::cout << "\n";
  return 0;
}

} // namespace crus::app
