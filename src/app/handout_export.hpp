#pragma once
// The patient handout from the CLI (`crus handout`) and the viewer: picks
// the content (one trigger point, or the candidates for a painted pain map),
// renders the four views with the referral map, composes the A4 page
// (core/publish/handout.hpp) and writes the PNG.
#include "app/commands.hpp"
#include "core/document/document.hpp"
#include "core/publish/handout.hpp"
#include "core/io/image.hpp"

#include <functional>
#include <string>
#include <vector>

namespace crus::app {

class OffscreenRenderer;
class Presentation;

// The views of the handout, in the order of their captions.
const std::vector<AnatomicalView>& handout_views(); // posterior, anterior, medial, lateral
constexpr int kHandoutViewWidth = 600;              // portrait, like the leg
constexpr int kHandoutViewHeight = 1000;

// Renders handout_views() of `scene` (the presentation's) from its session's
// handout list (`overlay` over the document's visibility, nothing selected),
// labels off, on white for printing, each cropped to the leg with a small margin.
std::vector<Image> render_handout_views(const Scene& scene, Presentation& presentation, OffscreenRenderer& renderer,
                                        const Overlay& overlay, const std::vector<glm::vec3>& painted = {});

// Crops away the rows and columns at the edges that are all `background`
// (within a small tolerance), keeping `margin` pixels around the rest.
Image crop_to_content(const Image& image, const std::uint8_t background[3], int margin);

// Renders the views for an overlay; the viewer supplies its own (offscreen,
// in its GL context), the CLI one made from render_handout_views. May be
// empty: the page then has text only.
// `painted`: the pain-map points to mark on the skin (empty for one trigger
// point's handout).
using HandoutViewRenderer = std::function<std::vector<Image>(const Overlay& overlay, const std::vector<glm::vec3>& painted)>;

// What goes on the handout for a trigger point (`trigger_point` non-empty)
// or for the painted points (`trigger_point` empty; the views show the best
// candidate's map): its words and its views.
struct HandoutMaterial {
  HandoutContent content;
  std::vector<Image> views;
};
// `areas` (from the atlas landmarks) picks the red flags and cautions that
// fit the place; without it every red flag is shown. Throws InputError for
// an unknown trigger-point id.
HandoutMaterial make_handout(const TriggerPointSet& set, const RedFlagSet* red_flags, const std::string& trigger_point,
                             const std::vector<glm::vec3>& painted, bool colour_blind_safe,
                             const HandoutViewRenderer& render_views, const BodyAreaMap* areas = nullptr,
                             const HandoutPatient& patient = {});

// InputError naming `option` unless `path` ends in .pdf or .png.
void check_handout_path(const std::string& path, const std::string& option);

// `crus handout --trigger-point ID | --at X,Y,Z --out FILE.pdf|FILE.png
// [--paper a4|letter]`. Exactly one
// of trigger_point and at; `at` is snapped to the skin (at most 5 cm away).
// `patient` (--patient, --date, --notes) goes onto the page and nowhere else.
int run_handout(const AtlasOptions& atlas, const std::string& trigger_point, const std::string& at, const std::string& out,
                const HandoutPatient& patient = {}, const std::string& paper = "a4");

} // namespace crus::app
