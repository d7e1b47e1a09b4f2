#include "ui/motion_player.hpp"

#include <algorithm>
#include <cmath>

namespace crus::ui {

namespace {
// Eased so that each leg of a movement starts and stops gently.
double ease(double t) { return t * t * (3.0 - 2.0 * t); }

motion::Pose lerp(const motion::Pose& a, const motion::Pose& b, double s) {
  motion::Pose p;
  for (motion::Coordinate c : motion::kCoordinates) p[c] = a[c] + (b[c] - a[c]) * s;
  return p;
}

double largest_step(const motion::Pose& a, const motion::Pose& b) {
  double d = 0.0;
  for (motion::Coordinate c : motion::kCoordinates) d = std::max(d, std::abs(a[c] - b[c]));
  return d;
}

// About 45 degrees a second for a movement, never quicker than half a second
// a leg, so that a short one can still be followed.
constexpr double kDegreesPerSecond = 45.0;
constexpr double kShortestLeg = 0.5;

void start(ViewerContext& ctx, std::vector<motion::Pose> keys, std::vector<double> seconds, std::string commit, int highlight) {
  ctx.motion.animation = MotionAnimation{std::move(keys), std::move(seconds), 0.0, std::move(commit), highlight};
  ctx.motion.preview = ctx.motion.animation->keys.front();
  ctx.motion.animating = true;
}

// Keys through `path`, dropping repeats; each leg timed by its largest joint change.
void start_path(ViewerContext& ctx, const std::vector<motion::Pose>& path, std::string commit, int highlight) {
  std::vector<motion::Pose> keys{path.front()};
  std::vector<double> seconds;
  for (std::size_t i = 1; i < path.size(); ++i) {
    const double step = largest_step(keys.back(), path[i]);
    if (step < 1e-9) continue;
    keys.push_back(path[i]);
    seconds.push_back(std::max(kShortestLeg, step / kDegreesPerSecond));
  }
  if (seconds.empty()) { // nowhere to go: a single still leg, so the commit still lands
    keys.push_back(keys.front());
    seconds.push_back(0.0);
  }
  start(ctx, std::move(keys), std::move(seconds), std::move(commit), highlight);
}
} // namespace

void motion_go_to(ViewerContext& ctx, const motion::Pose& target, const std::string& step_name) {
  const motion::Pose from = shown_pose(ctx);
  const double seconds = largest_step(from, target) < 1e-9 ? 0.0 : 0.6;
  start(ctx, {from, target}, {seconds}, step_name, -1);
}

void motion_play(ViewerContext& ctx, const motion::Movement& movement) {
  if (!ctx.motion.model) return;
  const motion::CoordinateInfo& info = ctx.motion.model->info(movement.coordinate);
  const motion::Pose from = shown_pose(ctx);
  motion::Pose end = from;
  end[movement.coordinate] = movement.direction > 0 ? info.max_deg : info.min_deg;
  start_path(ctx, {from, end, from}, "", -1);
}

void motion_play_action(ViewerContext& ctx, const motion::Movement& movement, int structure) {
  if (!ctx.motion.model) return;
  const motion::CoordinateInfo& info = ctx.motion.model->info(movement.coordinate);
  const motion::Pose from = shown_pose(ctx), neutral{};
  motion::Pose end = neutral;
  end[movement.coordinate] = movement.direction > 0 ? info.max_deg : info.min_deg;
  // Back to where the leg was, so that the end of the action is not a jump.
  start_path(ctx, {from, neutral, end, neutral, from}, "", structure);
}

void motion_advance(ViewerContext& ctx, double dt) {
  if (!ctx.motion.animation) return;
  MotionAnimation& a = *ctx.motion.animation;
  // Held while the soft tissue is still being bound (the leg cannot follow
  // yet): the movement then plays whole, from where it waited.
  if (ctx.motion.preparing) return;
  a.t += std::max(0.0, dt);
  double left = a.t;
  std::size_t leg = 0;
  while (leg + 1 < a.seconds.size() && left >= a.seconds[leg]) left -= a.seconds[leg++];
  const double s = a.seconds[leg] > 0.0 ? std::min(1.0, left / a.seconds[leg]) : 1.0;
  ctx.motion.preview = lerp(a.keys[leg], a.keys[leg + 1], ease(s));
  if (leg + 1 == a.seconds.size() && s >= 1.0) {
    if (!a.commit.empty() && ctx.document) {
      ctx.document->set_pose(a.keys.back(), a.commit);
      ctx.motion.reframe = true; // a squat leaves the view otherwise
    }
    motion_stop(ctx);
  }
}

void motion_stop(ViewerContext& ctx) {
  ctx.motion.animation.reset();
  ctx.motion.preview.reset();
  ctx.motion.animating = false;
}

bool motion_busy(const ViewerContext& ctx) { return ctx.motion.animation.has_value(); }

const motion::ProducerRanking* current_ranking(ViewerContext& ctx) {
  const std::optional<motion::Movement> movement = ctx.document ? ctx.document->state().movement : std::nullopt;
  if (!movement || !ctx.motion.model || !ctx.motion.muscles || ctx.motion.producers_hidden) {
    ctx.motion.ranking.reset();
    return nullptr;
  }
  const motion::Pose pose = shown_pose(ctx);
  if (!ctx.motion.ranking || !(ctx.motion.ranking_pose == pose) || !(ctx.motion.ranking->movement == *movement)) {
    ctx.motion.ranking = motion::rank_producers(*ctx.motion.model, *ctx.motion.muscles, pose, *movement);
    ctx.motion.ranking_pose = pose;
  }
  return &*ctx.motion.ranking;
}

} // namespace crus::ui
