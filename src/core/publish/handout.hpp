#pragma once
// The printable patient handout: a document (core/publish/print_document.hpp, cairo
// and Pango) on A4 or US Letter from a few rendered views of the leg and
// plain-language text, written as a PDF with searchable text or as PNG pages
// at 150 dpi. Plain C++: no GL.
#include "core/io/image.hpp"
#include "core/publish/print_document.hpp"
#include "core/anatomy/red_flags.hpp"
#include "core/anatomy/referral.hpp"
#include "core/anatomy/trigger_points.hpp"

#include <string>
#include <utility>
#include <vector>

namespace crus {

constexpr double kHandoutDpi = 150.0;     // PNG pages: A4 is 1240 x 1754 px, Letter 1275 x 1650
constexpr double kHandoutMarginPt = 43.0; // about 15 mm on every side (the footer sits in the bottom one)

// What the clinician adds for one patient. It is only ever written into the
// exported page: never into settings, logs or any other file.
struct HandoutPatient {
  std::string name;
  std::string date;  // YYYY-MM-DD
  std::string notes; // as typed; each line becomes a paragraph or bullet
  bool empty() const { return name.empty() && date.empty() && notes.empty(); }
};
// "" when the fields can go on a page; otherwise the problem, naming the
// field (--patient, --date, --notes): a date that is not a real YYYY-MM-DD
// day, text that is too long or holds control characters.
std::string check_handout_patient(const HandoutPatient& patient);

// Type sizes in points (1/72 inch), so that the printed page meets them:
// body text is never smaller than 11 pt.
constexpr double kHandoutTitlePoints = 20.0;
constexpr double kHandoutSmallPoints = 9.0; // technical name, subtitle, captions
constexpr double kHandoutBodyPoints = 11.5;

struct HandoutContent {
  std::string title;          // in plain words: "Pain from a tight spot in the soleus muscle"
  std::string technical_name; // in small type under it: "Soleus TrP1 (low in the calf)"
  std::string subtitle = "Crus: for education; it does not diagnose";
  std::vector<std::string> view_captions; // optional, one per view, under it
  // Each section: a heading and its items. One item is set as a paragraph,
  // several as a bulleted list.
  std::vector<std::pair<std::string, std::vector<std::string>>> sections;
  // Drawn in a bordered box. A line that starts with "# " is a bold
  // sub-heading (without the marker); the others are bullets.
  std::string red_flag_heading = "Not muscle pain? Get help quickly for these signs";
  std::vector<std::string> red_flag_lines;
  // The box goes before the sections (under the views) when an urgent or
  // emergency red flag fits the place: the reader meets it before any
  // trigger point or self-care.
  bool red_flags_first = false;
  std::vector<std::string> sources; // small print at the foot of the page
  HandoutPatient patient;           // name and date under the title, notes first in the body
};

// DejaVu Sans and DejaVu Sans Bold (as find_print_fonts); the section pages
// use them too. Throws RuntimeError naming the package when missing.
struct HandoutFonts {
  std::string regular; // a TrueType file
  std::string bold;
};
HandoutFonts find_handout_fonts();

// Typesets the handout into `doc`: the title, the technical name and the
// subtitle, whom it is for and when, the views in a row with their
// captions, the clinician's notes, the red-flag box (first when urgent),
// the sections (one item as a paragraph, several as bullets) and the
// sources in small print. Pango wraps the text and breaks the pages;
// nothing is cut.
void typeset_handout(PrintDocument& doc, const HandoutContent& content, const std::vector<Image>& views);
// The pages as images at 150 dpi on `paper`. Throws RuntimeError when a
// font cannot be loaded.
std::vector<Image> compose_handout_pages(const HandoutContent& content, const std::vector<Image>& views, Paper paper = Paper::a4,
                                         const PrintFonts& fonts = find_print_fonts());
// The first page.
Image compose_handout(const HandoutContent& content, const std::vector<Image>& views, Paper paper = Paper::a4);
// Writes the handout to `path`: a PDF when it ends in ".pdf" (any case),
// else PNG pages at 150 dpi, page k > 1 as "<stem>-k.png" beside it. Each
// file atomically. Returns the paths written and sets `pages` to the count.
std::vector<std::string> write_handout(const HandoutContent& content, const std::vector<Image>& views, const std::string& path,
                                       Paper paper, std::size_t* pages = nullptr);
bool is_pdf_path(const std::string& path);

// Scales `source` to width x height by averaging the source pixels under
// each target pixel (a box filter; nearest pixel when enlarging).
Image resize_box(const Image& source, int width, int height);

// "Pain from a tight spot in the soleus muscle" for the label "Soleus TrP1
// (low in the calf)": the muscle in plain words, not the clinical shorthand.
std::string plain_trigger_point_title(const TriggerPoint& trigger_point);

// The handout for one trigger point: what and where it is, where it sends
// pain (including areas outside the leg model), symptoms, what sets it off,
// self-care with the cautions for its areas, look-alikes, the red flags that
// fit `areas` (all of them when it is empty) and the sources.
HandoutContent handout_for_trigger_point(const TriggerPoint& trigger_point, const TriggerPointSet& set,
                                         const RedFlagSet* red_flags, const std::vector<BodyArea>& areas = {});
// The handout for a painted pain map: the ranked candidates (at most five),
// what helps for the first one, the red flags that fit the painted areas
// (all of them when it is empty) and the sources.
HandoutContent handout_for_pain_map(const std::vector<ReferralCandidate>& candidates, const TriggerPointSet& set,
                                    const RedFlagSet* red_flags, const std::vector<BodyArea>& painted_areas = {});

// The plain-language lines of the red-flag box: emergencies, then signs
// that need a doctor the same day, each under its advice, then the names of
// the ones that can wait a few days.
std::vector<std::string> handout_red_flag_lines(const RedFlagSet& red_flags, const std::vector<const RedFlag*>& flags);
std::vector<std::string> handout_red_flag_lines(const RedFlagSet& red_flags); // every red flag

} // namespace crus
