#include "core/motion/sweep.hpp"

#include "core/error.hpp"

#include <cmath>
#include <cstdio>

namespace crus::motion {

Pose Sweep::at(double t) const {
  Pose p;
  for (Coordinate c : kCoordinates) p[c] = from[c] + (to[c] - from[c]) * t;
  return p;
}

std::vector<Pose> Sweep::frames(int frames) const {
  std::vector<Pose> out;
  if (frames < 2) frames = 2;
  for (int i = 0; i < frames; ++i) out.push_back(at(static_cast<double>(i) / static_cast<double>(frames - 1)));
  out.back() = to; // exactly the end of the range, not one rounding short
  return out;
}

std::string describe_pose(const MotionModel& model, const Pose& pose) {
  std::string out;
  for (Coordinate c : kCoordinates) {
    const double v = pose[c];
    if (std::abs(v) < 0.05) continue;
    const CoordinateInfo& info = model.info(c);
    std::string direction = v > 0.0 ? info.positive : info.negative;
    direction = direction.substr(0, direction.find(" (")); // "extension (the toes move up)" -> "extension"
    char number[32];
    std::snprintf(number, sizeof number, "%.0f", std::abs(v));
    out += (out.empty() ? "" : ", ") + std::string(c == Coordinate::mtp ? "toes" : to_string(c)) + " " + number + "\u00b0 " +
           direction;
  }
  return out.empty() ? "neutral" : out;
}

Sweep parse_sweep(const MotionModel& model, const std::string& text, const std::string& where, const Pose& base) {
  const std::string expect = "expected JOINT=FROM:TO[,JOINT=FROM:TO...] in degrees, e.g. ankle=-40:30";
  if (text.empty()) throw InputError(where, "is empty; " + expect);
  // Split each item at its colon into the two ends, then let parse_pose check
  // the joints, numbers and ranges of each end.
  std::string from_text, to_text;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    const std::string item = text.substr(start, end - start);
    const std::size_t eq = item.find('='), colon = item.find(':');
    if (eq == std::string::npos || colon == std::string::npos || colon < eq || item.find(':', colon + 1) != std::string::npos)
      throw InputError(where, "\"" + item + "\" is not JOINT=FROM:TO; " + expect);
    const std::string sep = from_text.empty() ? "" : ",";
    from_text += sep + item.substr(0, colon);
    to_text += sep + item.substr(0, eq + 1) + item.substr(colon + 1);
    if (end == text.size()) break;
    start = end + 1;
  }
  return {parse_pose(model, from_text, where, base), parse_pose(model, to_text, where, base)};
}

} // namespace crus::motion
