#include "core/handout.hpp"
#include "core/handout_type.hpp"

#include "core/error.hpp"
#include "core/utf8.hpp"

#include <stb_truetype.h> // the implementation is in libstb

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>
#include <tuple>

namespace crus {

namespace {

using namespace handout_type;

struct BodyStyles {
  TextStyle body, heading, box_heading;
};

BodyStyles body_styles(float body_px) {
  return {TextStyle{body_px, false}, TextStyle{std::round(body_px * 1.15f), true}, TextStyle{std::round(body_px * 1.1f), true}};
}

// The red-flag box, laid out from y = 0.
std::vector<Op> red_flag_box(Typesetter& type, const HandoutContent& content, const BodyStyles& st, float left, float right,
                             float& height) {
  const float pad = 16.0f;
  const float border = 3.0f;
  Flow inner(type, left + pad + border, right - pad - border, pad + border);
  inner.paragraph(content.red_flag_heading, st.box_heading, kRed);
  inner.skip(4.0f);
  for (const auto& line : content.red_flag_lines) {
    if (line.rfind("# ", 0) == 0) {
      inner.skip(4.0f);
      inner.paragraph(line.substr(2), TextStyle{st.body.px, true}, kInk);
    } else {
      inner.bullet(line, st.body, kInk);
    }
  }
  height = inner.y() + pad + border;
  Flow box(type, left, right, 0.0f);
  box.fill(left, 0.0f, right - left, height, kRed);
  box.fill(left + border, border, right - left - 2 * border, height - 2 * border, kBoxFill);
  box.append(inner.ops(), 0.0f);
  return box.ops();
}

void lay_out_section(Flow& flow, const std::string& heading, const std::vector<std::string>& items, const BodyStyles& st) {
  flow.skip(std::round(st.body.px * 0.5f));
  flow.paragraph(heading, st.heading, kHeading);
  flow.skip(2.0f);
  for (const auto& item : items) {
    if (items.size() > 1) flow.bullet(item, st.body, kInk);
    else flow.paragraph(item, st.body, kInk);
  }
}

// Sections in two columns (split at the section boundary that best evens
// them out), and the red-flag box across the page, below them or, with
// red_flags_first, above them; nullopt when it passes `limit`.
std::optional<std::vector<Op>> lay_out_body_columns(Typesetter& type, const HandoutContent& content, float body_px, float left,
                                                    float right, float top, float limit) {
  BodyStyles st = body_styles(body_px);
  const float gutter = 36.0f;
  const float mid = std::round((left + right - gutter) * 0.5f);
  const std::size_t n = content.sections.size();
  std::vector<float> heights;
  for (const auto& [heading, items] : content.sections) {
    Flow m(type, left, mid, 0.0f);
    lay_out_section(m, heading, items, st);
    heights.push_back(m.y());
  }
  float total = 0.0f;
  for (float h : heights) total += h;
  std::size_t split = n;
  float best = total, before = 0.0f;
  for (std::size_t k = 0; k <= n; ++k) {
    float tallest = std::max(before, total - before);
    if (tallest < best) {
      best = tallest;
      split = k;
    }
    if (k < n) before += heights[k];
  }
  float box_h = 0.0f;
  std::vector<Op> box = content.red_flag_lines.empty() ? std::vector<Op>{} : red_flag_box(type, content, st, left, right, box_h);
  const float box_gap = box.empty() ? 0.0f : std::round(body_px * 0.9f);
  // Urgent red flags go across the page above the columns; otherwise below.
  const float columns_top = content.red_flags_first ? top + box_h + box_gap : top;
  Flow left_col(type, left, mid, columns_top), right_col(type, mid + gutter, right, columns_top);
  for (std::size_t i = 0; i < n; ++i)
    lay_out_section(i < split ? left_col : right_col, content.sections[i].first, content.sections[i].second, st);
  float y = content.red_flags_first ? top : std::max(left_col.y(), right_col.y()) + box_gap;
  if (std::max({y + box_h, left_col.y(), right_col.y()}) > limit) return std::nullopt;
  Flow out(type, left, right, 0.0f);
  out.append(left_col.ops(), 0.0f);
  out.append(right_col.ops(), 0.0f);
  out.append(box, y);
  return out.ops();
}

// The body over as many pages as it needs: the red-flag box (first when
// urgent, else last), the sections, each item whole; what does not fit goes
// on the next page, from `next_top`. Nothing is left out.
std::vector<std::vector<Op>> lay_out_pages(Typesetter& type, const HandoutContent& content, float body_px, float left, float right,
                                           float top, float next_top, float limit, std::size_t lead, float* end_y = nullptr) {
  BodyStyles st = body_styles(body_px);
  float box_h = 0.0f;
  std::vector<Op> box = content.red_flag_lines.empty() ? std::vector<Op>{} : red_flag_box(type, content, st, left, right, box_h);
  const float box_gap = box.empty() ? 0.0f : std::round(body_px * 0.9f);
  std::vector<std::vector<Op>> pages;
  std::optional<Flow> flow(std::in_place, type, left, right, top); // replaced at each new page
  float page_top = top;
  auto room_for = [&](float h) {
    if (flow->y() + h <= limit || flow->y() <= page_top) return;
    pages.push_back(flow->ops());
    flow.emplace(type, left, right, next_top);
    page_top = next_top;
  };
  // The box is split between pages where it must be, at a line, with its
  // heading on every part: a long list of red flags is never cut.
  auto place_box = [&] {
    const auto& lines = content.red_flag_lines;
    HandoutContent part = content;
    auto part_box = [&](std::size_t from, std::size_t count, float& h) {
      part.red_flag_lines.assign(lines.begin() + static_cast<std::ptrdiff_t>(from), lines.begin() + static_cast<std::ptrdiff_t>(from + count));
      part.red_flag_heading = from == 0 ? content.red_flag_heading : content.red_flag_heading + " (continued)";
      return red_flag_box(type, part, st, left, right, h);
    };
    for (std::size_t from = 0; from < lines.size();) {
      std::size_t count = lines.size() - from;
      float h = 0.0f;
      std::vector<Op> ops = part_box(from, count, h);
      while (flow->y() + h > limit && count > 1) {
        --count;
        ops = part_box(from, count, h);
      }
      // A part does not end on a sub-heading.
      if (count < lines.size() - from && count > 1 && lines[from + count - 1].rfind("# ", 0) == 0) ops = part_box(from, --count, h);
      if (flow->y() + h > limit && flow->y() > page_top) {
        room_for(limit); // a fresh page
        continue;
      }
      flow->append(ops, flow->y());
      flow->skip(h + box_gap);
      from += count;
      if (from < lines.size()) room_for(limit);
    }
  };
  // The clinician's notes (`lead` sections) come before everything else.
  std::size_t placed = 0;
  auto place_section = [&](const std::pair<std::string, std::vector<std::string>>& section) {
    const auto& heading = section.first;
    const auto& items = section.second;
    // Measured with its heading, the first item keeps the heading company.
    auto measure = [&](const std::string& item, bool with_heading, bool as_bullet) {
      Flow m(type, left, right, 0.0f);
      if (with_heading) {
        m.skip(std::round(body_px * 0.5f));
        m.paragraph(heading, st.heading, kHeading);
        m.skip(2.0f);
      }
      if (as_bullet) m.bullet(item, st.body, kInk);
      else m.paragraph(item, st.body, kInk);
      return m.y();
    };
    bool as_bullets = items.size() > 1;
    for (std::size_t i = 0; i < items.size(); ++i) {
      room_for(measure(items[i], i == 0, as_bullets));
      if (i == 0) {
        flow->skip(std::round(body_px * 0.5f));
        flow->paragraph(heading, st.heading, kHeading);
        flow->skip(2.0f);
      }
      if (as_bullets) flow->bullet(items[i], st.body, kInk);
      else flow->paragraph(items[i], st.body, kInk);
    }
  };
  for (; placed < lead && placed < content.sections.size(); ++placed) place_section(content.sections[placed]);
  if (content.red_flags_first) place_box();
  for (; placed < content.sections.size(); ++placed) place_section(content.sections[placed]);
  if (!content.red_flags_first) {
    flow->skip(box_gap);
    place_box();
  }
  if (end_y) *end_y = flow->y();
  pages.push_back(flow->ops());
  return pages;
}

// Sections then the red-flag box from `top` (the box first with
// red_flags_first); nullopt when they pass `limit`.
std::optional<std::vector<Op>> lay_out_body(Typesetter& type, const HandoutContent& content, float body_px, float left,
                                            float right, float top, float limit, std::size_t lead) {
  float end = 0.0f;
  auto pages = lay_out_pages(type, content, body_px, left, right, top, top, limit, lead, &end);
  if (pages.size() != 1 || end > limit) return std::nullopt;
  return pages.front();
}

} // namespace

HandoutFonts find_handout_fonts() {
  const char* folders[] = {"/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/TTF", "/usr/share/fonts/dejavu",
                           "/usr/local/share/fonts", "/Library/Fonts"};
  std::error_code ec;
  for (const char* folder : folders) {
    auto regular = std::filesystem::path(folder) / "DejaVuSans.ttf";
    auto bold = std::filesystem::path(folder) / "DejaVuSans-Bold.ttf";
    if (std::filesystem::exists(regular, ec) && std::filesystem::exists(bold, ec)) return {regular.string(), bold.string()};
  }
  std::string looked;
  for (const char* folder : folders) looked += std::string(looked.empty() ? "" : ", ") + folder;
  throw RuntimeError("the handout needs the fonts DejaVuSans.ttf and DejaVuSans-Bold.ttf (package fonts-dejavu-core); looked in " +
                     looked);
}

Image resize_box(const Image& source, int width, int height) {
  Image out;
  out.width = std::max(width, 0);
  out.height = std::max(height, 0);
  out.rgba.assign(static_cast<std::size_t>(out.width) * out.height * 4, 0);
  if (source.width <= 0 || source.height <= 0 || out.rgba.empty()) return out;
  double sx = static_cast<double>(source.width) / out.width;
  double sy = static_cast<double>(source.height) / out.height;
  for (int y = 0; y < out.height; ++y) {
    int y0 = std::min(static_cast<int>(y * sy), source.height - 1);
    int y1 = std::clamp(static_cast<int>(std::ceil((y + 1) * sy)), y0 + 1, source.height);
    for (int x = 0; x < out.width; ++x) {
      int x0 = std::min(static_cast<int>(x * sx), source.width - 1);
      int x1 = std::clamp(static_cast<int>(std::ceil((x + 1) * sx)), x0 + 1, source.width);
      unsigned sum[4] = {0, 0, 0, 0};
      for (int yy = y0; yy < y1; ++yy)
        for (int xx = x0; xx < x1; ++xx) {
          const std::uint8_t* s = source.at(xx, yy);
          for (int c = 0; c < 4; ++c) sum[c] += s[c];
        }
      unsigned n = static_cast<unsigned>((x1 - x0) * (y1 - y0));
      std::uint8_t* d = out.at(x, y);
      for (int c = 0; c < 4; ++c) d[c] = static_cast<std::uint8_t>((sum[c] + n / 2) / n);
    }
  }
  return out;
}

Image compose_handout(const HandoutContent& content, const std::vector<Image>& views) {
  return compose_handout_pages(content, views, find_handout_fonts()).front();
}

Image compose_handout(const HandoutContent& content, const std::vector<Image>& views, const HandoutFonts& fonts) {
  return compose_handout_pages(content, views, fonts).front();
}

std::vector<Image> compose_handout_pages(const HandoutContent& content, const std::vector<Image>& views) {
  return compose_handout_pages(content, views, find_handout_fonts());
}

std::vector<Image> compose_handout_pages(const HandoutContent& content, const std::vector<Image>& views, const HandoutFonts& fonts) {
  Typesetter type(fonts);
  Image blank;
  blank.width = kHandoutWidth;
  blank.height = kHandoutHeight;
  blank.rgba.assign(static_cast<std::size_t>(blank.width) * blank.height * 4, 255);
  Image page = blank;
  const float left = kHandoutMargin, right = kHandoutWidth - kHandoutMargin;
  const float bottom = kHandoutHeight - kHandoutMargin;

  const float small_px = type.px_for_points(kHandoutSmallPoints);
  // Title in plain words, the technical name and the subtitle in small type,
  // then whom the page is for and when.
  Flow head(type, left, right, kHandoutMargin);
  head.paragraph(content.title, TextStyle{type.px_for_points(kHandoutTitlePoints), true}, kInk);
  head.skip(2.0f);
  if (!content.technical_name.empty()) head.paragraph(content.technical_name, TextStyle{small_px, false}, kGrey);
  if (!content.subtitle.empty()) head.paragraph(content.subtitle, TextStyle{small_px, false}, kGrey);
  const HandoutPatient& patient = content.patient;
  if (!patient.name.empty() || !patient.date.empty()) {
    head.skip(6.0f);
    std::string line = patient.name.empty() ? "" : "For: " + patient.name;
    if (!patient.date.empty()) line += (line.empty() ? "" : "  \u00b7  ") + std::string("Date: ") + patient.date;
    head.paragraph(line, TextStyle{type.px_for_points(12.0f), true}, kInk);
  }
  head.skip(10.0f);
  head.fill(left, head.y(), right - left, 2.0f, kRule);
  head.skip(16.0f);
  const float views_top = head.y();

  // Sources in small print at the foot, at most a fifth of the page.
  Flow foot(type, left, right, 0.0f);
  if (!content.sources.empty()) {
    foot.fill(left, 0.0f, right - left, 1.0f, kRule);
    foot.skip(8.0f);
    const TextStyle fine{type.px_for_points(7.5f), false};
    foot.paragraph("Sources", TextStyle{fine.px, true}, kGrey);
    for (const auto& s : content.sources) {
      Flow m(type, left, right, 0.0f);
      m.paragraph(s, fine, kGrey);
      if (foot.y() + m.y() > kHandoutHeight * 0.16f) {
        foot.paragraph("More sources are listed in Crus.", fine, kGrey);
        break;
      }
      foot.paragraph(s, fine, kGrey);
    }
  }
  const float foot_top = bottom - foot.y();
  const float body_limit = foot_top - 12.0f;

  // Views in a row (two rows above four), then the body. The views shrink
  // before the type does; at the last step the body is cut to fit.
  const std::size_t n = views.size();
  const std::size_t rows = n > 4 ? 2 : 1;
  const std::size_t per_row = n == 0 ? 0 : (n + rows - 1) / rows;
  const float gap = 16.0f;
  const bool captions = !content.view_captions.empty();
  const TextStyle caption_style{small_px, false};
  // The clinician's notes come first: they are what this patient was told.
  HandoutContent body_content = content;
  std::size_t lead = 0; // sections before an urgent red-flag box
  if (!patient.notes.empty()) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= patient.notes.size()) {
      std::size_t end = std::min(patient.notes.find('\n', start), patient.notes.size());
      std::string line = patient.notes.substr(start, end - start);
      if (line.find_first_not_of(" \t\r") != std::string::npos) lines.push_back(line);
      start = end + 1;
    }
    if (!lines.empty()) body_content.sections.insert(body_content.sections.begin(), {"Notes from your clinician", lines});
    lead = lines.empty() ? 0 : 1;
  }
  // (views' height, body type size): on one page the views shrink first,
  // and the type only once they are at their smallest, never below 11 pt.
  // What does not fit one page then goes on more pages, none of it left out.
  std::vector<std::pair<float, float>> steps;
  for (float pt : {12.5f, 12.0f, 11.5f, kHandoutMinBodyPoints})
    for (float views_h : {640.0f, 580.0f, 520.0f, 460.0f}) steps.push_back({views_h, type.px_for_points(pt)});
  std::vector<std::vector<Op>> more_pages;
  for (std::size_t step = 0; step < steps.size(); ++step) {
    const bool last = step + 1 == steps.size();
    const float views_h = last ? 580.0f : steps[step].first;
    const float body_px = last ? type.px_for_points(12.0f) : steps[step].second;
    const float row_h = n == 0 ? 0.0f : views_h / static_cast<float>(rows);
    const float caption_h = captions ? type.line_height(caption_style) + 4.0f : 0.0f;
    const float views_bottom = n == 0 ? views_top : views_top + rows * (row_h + caption_h) + (rows - 1) * gap + 8.0f;
    // One column reads best; two columns when one does not fit.
    auto body = lay_out_body(type, body_content, body_px, left, right, views_bottom, body_limit, lead);
    if (!body) body = lay_out_body_columns(type, body_content, body_px, left, right, views_bottom, body_limit);
    if (!body && last) {
      // Later pages start under a one-line running head.
      const float next_top = kHandoutMargin + type.line_height(TextStyle{small_px, true}) + 24.0f;
      const float note_h = type.line_height(TextStyle{small_px, true}) + 8.0f; // "Continued on the next page."
      // The sources go on the last page only, so the pages before it use
      // the room above the foot; a last page too full for them gets one more.
      float end = 0.0f;
      auto pages = lay_out_pages(type, body_content, body_px, left, right, views_bottom, next_top, bottom - note_h, lead, &end);
      if (end > body_limit) pages.emplace_back();
      body = pages.front();
      more_pages.assign(pages.begin() + 1, pages.end());
    }
    if (!body) continue;

    const float cell_w = per_row == 0 ? 0.0f : (right - left - gap * (per_row - 1)) / per_row;
    for (std::size_t i = 0; i < n; ++i) {
      const Image& view = views[i];
      if (view.width <= 0 || view.height <= 0) continue;
      std::size_t r = i / per_row, c = i % per_row;
      float cell_x = left + c * (cell_w + gap);
      float cell_y = views_top + r * (row_h + caption_h + gap);
      float s = std::min(cell_w / view.width, row_h / view.height);
      int w = std::max(1, static_cast<int>(view.width * s)), h = std::max(1, static_cast<int>(view.height * s));
      int x = static_cast<int>(cell_x + (cell_w - w) * 0.5f), y = static_cast<int>(cell_y + (row_h - h) * 0.5f);
      paste(page, resize_box(view, w, h), x, y);
      // A hairline frame so that a white background still reads as a picture.
      fill_rect(page, x - 1, y - 1, w + 2, 1, kRule);
      fill_rect(page, x - 1, y + h, w + 2, 1, kRule);
      fill_rect(page, x - 1, y, 1, h, kRule);
      fill_rect(page, x + w, y, 1, h, kRule);
      if (captions && i < content.view_captions.size()) {
        Flow cap(type, cell_x, cell_x + cell_w, cell_y + row_h + 4.0f);
        cap.centred(content.view_captions[i], caption_style, kGrey);
        head.append(cap.ops(), 0.0f);
      }
    }
    head.append(*body, 0.0f);
    if (more_pages.empty()) head.append(foot.ops(), foot_top); // the sources close the last page
    break;
  }

  auto draw = [&](Image& target, const std::vector<Op>& ops) {
    for (const Op& op : ops) {
      if (op.kind == Op::Kind::fill) fill_rect(target, op.x, op.y, op.w, op.h, op.colour);
      else type.draw(target, op.x, op.y, op.text, op.style, op.colour);
    }
  };
  draw(page, head.ops());
  std::vector<Image> out{std::move(page)};
  for (std::size_t k = 0; k < more_pages.size(); ++k) {
    Image next = blank;
    Flow running(type, left, right, kHandoutMargin);
    running.paragraph(content.title + " (page " + std::to_string(k + 2) + " of " + std::to_string(more_pages.size() + 1) + ")",
                      TextStyle{small_px, true}, kGrey);
    running.skip(8.0f);
    running.fill(left, running.y(), right - left, 1.0f, kRule);
    running.append(more_pages[k], 0.0f);
    if (k + 1 == more_pages.size()) running.append(foot.ops(), foot_top);
    draw(next, running.ops());
    out.push_back(std::move(next));
  }
  if (out.size() > 1) {
    // Page 1 says that there is more.
    Flow note(type, left, right, bottom - type.line_height(TextStyle{small_px, true}));
    note.paragraph("Continued on the next page.", TextStyle{small_px, true}, kGrey);
    draw(out.front(), note.ops());
  }
  return out;
}

} // namespace crus
