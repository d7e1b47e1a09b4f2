// The section page's leader lines never cross (issue 11): at 25, 30, 40, 50,
// 55 and 85% of the bundled atlas (30 and 50% cut nerve branches, which have
// labels of their own) every pair of leaders is checked, as the page
// lays them out at the CLI's default size and at a smaller and a wider one.
// At 25% the leaders of tibialis anterior and extensor digitorum longus
// crossed when labels were only sorted by their anchors' heights.
#include "bundled_scene_fixture.hpp"
#include "core/geometry/cross_section.hpp"
#include "core/publish/section_page.hpp"

#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>
#include <memory>
#include <string>
#include <vector>

using namespace crus;

namespace {

class SectionLeaders : public test::BundledSceneTest {
protected:
  // The section as `crus render --section` draws it: every structure cut, named.
  static SceneSection at(const char* level) {
    SceneSection s = section_scene(*scene_, section_plane_for(level, 0.0, *scene_));
    for (auto& c : s.structures) c.name = scene_->structures[static_cast<std::size_t>(c.index)].name;
    return s;
  }
  // The page's labels at 25, 40, 55 and 85%, each laid out at the CLI's
  // default size, a smaller and a wider one; `check` gets the level, the
  // page size and the labels.
  template <class Check>
  static void for_each_page(Check check) {
    for (const char* level : {"25%", "30%", "40%", "50%", "55%", "85%"}) {
      const SceneSection s = at(level);
      for (auto [w, h] : {std::pair{1600, 1200}, std::pair{1000, 750}, std::pair{1920, 1080}}) {
        SectionPageOptions o;
        o.width = w;
        o.height = h;
        const std::string where = std::string(level) + " at " + std::to_string(w) + "x" + std::to_string(h);
        check(where, h, layout_section_labels(s, o));
      }
    }
  }
};

} // namespace

TEST(SectionLeaderGeometry, SegmentsIntersect) {
  EXPECT_TRUE(segments_intersect({0, 0}, {2, 2}, {0, 2}, {2, 0}));  // an X
  EXPECT_FALSE(segments_intersect({0, 0}, {2, 0}, {0, 1}, {2, 1})); // parallel
  EXPECT_FALSE(segments_intersect({0, 0}, {1, 1}, {3, 0}, {2, 1})); // apart
  EXPECT_TRUE(segments_intersect({0, 0}, {2, 0}, {1, 0}, {1, 5}));  // a T
}

TEST_F(SectionLeaders, NoTwoLeaderLinesCross) {
  for_each_page([](const std::string& where, int, const std::vector<SectionLabel>& labels) {
    EXPECT_GE(labels.size(), 10u) << where;
    for (std::size_t i = 0; i < labels.size(); ++i)
      for (std::size_t j = i + 1; j < labels.size(); ++j) {
        const SectionLabel &a = labels[i], &b = labels[j];
        EXPECT_FALSE(segments_intersect(a.start, a.anchor, b.start, b.anchor))
            << where << ": the leaders of " << a.text << " and " << b.text << " cross";
      }
  });
}

TEST_F(SectionLeaders, NoLeaderRunsThroughAnotherLabelsDot) {
  // At 85% the flexor hallucis longus leader ran through the tibial nerve's
  // dot: the reader could not tell which structure the dot belonged to.
  for_each_page([](const std::string& where, int h, const std::vector<SectionLabel>& labels) {
    const double clear = section_anchor_dot_radius(h) + 0.5 * h / 1200.0; // the dot and half the line
    for (const SectionLabel& a : labels)
      for (const SectionLabel& b : labels) {
        if (&a == &b) continue;
        EXPECT_GE(point_segment_distance(b.anchor, a.start, a.anchor), clear)
            << where << ": the leader of " << a.text << " runs through the dot of " << b.text;
      }
  });
}

TEST(SectionLeaderGeometry, PointSegmentDistance) {
  EXPECT_DOUBLE_EQ(point_segment_distance({1, 1}, {0, 0}, {2, 0}), 1.0); // above the middle
  EXPECT_DOUBLE_EQ(point_segment_distance({5, 0}, {0, 0}, {2, 0}), 3.0); // beyond an end
  EXPECT_DOUBLE_EQ(point_segment_distance({0, 3}, {0, 0}, {0, 0}), 3.0); // a segment of no length
}

TEST_F(SectionLeaders, LabelsKeepTheirSpacing) {
  // Swapping places keeps each column's slots: labels stay apart.
  const SceneSection s = at("25%");
  SectionPageOptions o;
  const std::vector<SectionLabel> labels = layout_section_labels(s, o);
  for (std::size_t i = 0; i < labels.size(); ++i)
    for (std::size_t j = i + 1; j < labels.size(); ++j)
      if (labels[i].left == labels[j].left) {
        EXPECT_GE(std::abs(labels[i].start.y - labels[j].start.y), 19.0 * 1.45 - 1e-6)
            << labels[i].text << " and " << labels[j].text;
      }
}

TEST_F(SectionLeaders, NerveBranchesCutByTheSectionAreLabelled) {
  // At 40% the superficial fibular nerve's branch to fibularis longus is cut
  // beside its trunk, and at 30% the tibial nerve's branches to soleus and
  // tibialis posterior (src/atlas/nerves.cpp): each piece is named.
  auto texts = [](const char* level) {
    std::vector<std::string> out;
    for (const SectionLabel& l : layout_section_labels(at(level), SectionPageOptions{})) out.push_back(l.text);
    return out;
  };
  auto has = [](const std::vector<std::string>& v, const std::string& t) { return std::find(v.begin(), v.end(), t) != v.end(); };
  const std::vector<std::string> at40 = texts("40%"), at30 = texts("30%");
  EXPECT_TRUE(has(at40, "Superficial fibular nerve"));
  EXPECT_TRUE(has(at40, "Branch to fibularis longus"));
  EXPECT_TRUE(has(at30, "Tibial nerve"));
  EXPECT_TRUE(has(at30, "Branch to soleus"));
  EXPECT_TRUE(has(at30, "Branch to tibialis posterior"));
}
