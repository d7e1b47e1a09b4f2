// The subcutaneous face of the tibia (issue 11: the outline a teacher sees).
// Between the crest and the medial border the deep fascia, and so the skin
// 3 mm outside it, is one flat face at every level: two tables that described
// the same face with lines up to 17 degrees apart left a ridge down the
// middle of the shin where they crossed, and creases at their hand-overs
// (docs/ATLAS-MEASUREMENTS.md, "The medial face of the shin"). A field test:
// no atlas is generated.
#include "atlas/structures.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace crus::test {
namespace {

// Where the fascia crosses zero along the face's outward normal through q
// (metres from q; outwards positive), found by bisection from 20 mm inside
// to `reach` outside; 1 when it does not cross there.
float fascia_offset(const atlas::Field& fascia, glm::vec2 q, glm::vec2 normal, float y, float reach = 0.020f) {
  auto at = [&](float t) { return fascia(glm::vec3(q.x + t * normal.x, y, q.y + t * normal.y)); };
  float inside = -0.020f, outside = reach;
  if (at(inside) >= 0.0f || at(outside) <= 0.0f) return 1.0f; // no crossing: reported by the caller
  for (int i = 0; i < 40; ++i) {
    const float mid = 0.5f * (inside + outside);
    (at(mid) < 0.0f ? inside : outside) = mid;
  }
  return 0.5f * (inside + outside);
}

TEST(AtlasSdf, TheShinsFaceIsFlatFromCrestToBorderAtEveryLevel) {
  const atlas::Field fascia = atlas::deep_fascia();
  int levels = 0;
  // From a quarter of the way down to four fifths, every 5 mm of height
  // (beyond, the cut fades into the round of the knee and of the ankle).
  for (float y = 0.360f; y >= 0.140f; y -= 0.005f) {
    const auto face = atlas::shin_face(y);
    ASSERT_TRUE(face.has_value()) << "no face line at y = " << y;
    const glm::vec2 along = glm::normalize(face->border - face->crest);
    const glm::vec2 outward(-along.y, along.x); // anteromedial: +x, -z
    ASSERT_GT(outward.x, 0.0f);
    ASSERT_LT(outward.y, 0.0f);
    // From the crest to the middle of the face: behind that the outline
    // begins to turn out round the calf (the corner lies 7 to 10 mm in front
    // of the border, where the line behind it crosses the face's).
    float lowest = 1.0f, highest = -1.0f;
    for (float s = 0.10f; s <= 0.451f; s += 0.05f) {
      const float offset = fascia_offset(fascia, glm::mix(face->crest, face->border, s), outward, y);
      ASSERT_LT(offset, 0.5f) << "the fascia does not cross the face's normal at y = " << y << ", s = " << s;
      lowest = std::min(lowest, offset);
      highest = std::max(highest, offset);
    }
    // Flat: one line, and the fascia 3 mm inside it (the skin 3 mm outside
    // the fascia is then the bone's own wrap, within 5 mm of the crest).
    EXPECT_LT((highest - lowest) * 1000.0f, 0.3f) << "a ridge or crease across the face at y = " << y;
    EXPECT_NEAR(highest * 1000.0f, -3.0f, 0.5f) << "the fascia is not 3 mm inside the face at y = " << y;
    ++levels;
  }
  EXPECT_GE(levels, 40);
}

TEST(AtlasSdf, TheShinsFaceBeginsAndEndsInSmoothSlopes) {
  // Down the middle of the face, from the knee to the ankle: where the cut
  // fades in below the knee (the medial condyle and the pes anserinus round
  // the outline there) and out into the ankle, the fascia's offset from the
  // face changes smoothly: no steeper than about 50 degrees, and no crease
  // (the slope changes by at most 0.5 from one 2.5 mm step to the next).
  // The tables before made a ledge below the knee: slope 3.2, changing by
  // 2.8 in one step.
  const atlas::Field fascia = atlas::deep_fascia();
  const auto top = atlas::shin_face(0.390f), bottom = atlas::shin_face(0.100f);
  ASSERT_TRUE(top && bottom);
  constexpr float kStep = 0.0025f;
  std::vector<float> offsets;
  std::vector<float> heights;
  for (int k = 0; k <= 168; ++k) {
    const float y = 0.480f - kStep * static_cast<float>(k);
    const auto line = atlas::shin_face(y);
    const atlas::FaceLine face = line ? *line : (y > 0.3f ? *top : *bottom);
    const glm::vec2 along = glm::normalize(face.border - face.crest);
    const glm::vec2 outward(-along.y, along.x);
    offsets.push_back(fascia_offset(fascia, glm::mix(face.crest, face.border, 0.4f), outward, y, 0.060f));
    heights.push_back(y);
  }
  float steepest = 0.0f, sharpest = 0.0f, steepest_at = 0.0f, sharpest_at = 0.0f;
  float previous_slope = 0.0f;
  for (std::size_t k = 1; k < offsets.size(); ++k) {
    if (offsets[k] > 0.5f || offsets[k - 1] > 0.5f) continue; // below the ankle's cut: no crossing
    const float slope = (offsets[k] - offsets[k - 1]) / kStep;
    if (std::abs(slope) > steepest) {
      steepest = std::abs(slope);
      steepest_at = heights[k];
    }
    if (k > 1 && offsets[k - 2] <= 0.5f && std::abs(slope - previous_slope) > sharpest) {
      sharpest = std::abs(slope - previous_slope);
      sharpest_at = heights[k];
    }
    previous_slope = slope;
  }
  std::printf("down the middle of the face: steepest slope %.2f at y = %.4f, sharpest change %.2f at y = %.4f\n", steepest,
              steepest_at, sharpest, sharpest_at);
  EXPECT_LE(steepest, 1.2f) << "a wall at y = " << steepest_at;
  EXPECT_LE(sharpest, 0.5f) << "a crease at y = " << sharpest_at;
}

} // namespace
} // namespace crus::test
