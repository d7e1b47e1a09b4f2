// The bundled atlas read at the four levels a cross-sectional atlas shows
// (25, 40, 55 and 85% of the way from the knee to the ankle joint centre):
// the structures it shows are there and lie where they should relative to
// each other. Model frame: X anterior, Z lateral (right leg).
// Sources for the relations: O'Rahilly, Basic Human Anatomy, figs 16-1
// (horizontal section through the middle of the leg) and 16-5 (through the
// lower ends of tibia and fibula; plantaris joins the medial side of the
// calcaneal tendon), www.dartmouth.edu/~humananatomy; Mostafa and Varacallo,
// "Anatomy, Leg Posterior Compartment", StatPearls (superficial group
// gastrocnemius, soleus, plantaris behind the deep group); QUT podiatry
// anatomy, "Sural nerve" (along the lateral margin of the calcaneal tendon).
#include "bundled_scene_fixture.hpp"
#include "core/geometry/cross_section.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <gtest/gtest.h>
#include <memory>
#include <string>
#include <vector>

using namespace crus;

namespace {

// The centroid of a loop's area. (The mean of its points leans towards
// wherever the mesh happens to have more vertices: at a nerve's branching it
// put the centre of the cut on the wrong side of a thin muscle.)
glm::dvec2 area_centroid(const ContourLoop& loop) {
  MeshSection one;
  one.loops.push_back(loop);
  return measure_section(one).centroid;
}

// A hole of a cut (a clockwise loop) as a region of its own, turned
// counter-clockwise, to ask what lies inside it.
MeshSection region_of(const ContourLoop& hole) {
  MeshSection inside;
  inside.loops.push_back(hole);
  std::reverse(inside.loops[0].points.begin(), inside.loops[0].points.end());
  return inside;
}

class SectionAnatomy : public test::BundledSceneTest {
protected:
  SceneSection at(const char* level) { return section_scene(*scene_, section_plane_for(level, 0.0, *scene_)); }
  static glm::dvec3 c(const SceneSection& s, const char* id) {
    const StructureSection* st = s.find(id);
    EXPECT_NE(st, nullptr) << id << " is not cut at y = " << s.plane.point.y;
    return st ? s.plane.to_model(st->measure.centroid) : glm::dvec3(0.0);
  }
};

} // namespace

TEST_F(SectionAnatomy, AnteriorCompartmentInFrontOfTheMembraneAndLateralToTheTibia) {
  for (const char* level : {"25%", "40%", "55%", "85%"}) {
    SceneSection s = at(level);
    glm::dvec3 tibia = c(s, "tibia"), fibula = c(s, "fibula"), ta = c(s, "tibialis_anterior");
    // The interosseous membrane runs from the tibia's lateral border to the fibula.
    double membrane_x = 0.5 * (tibia.x + fibula.x);
    EXPECT_GT(ta.x, membrane_x) << level;
    EXPECT_GT(c(s, "extensor_digitorum_longus").x, membrane_x) << level;
    EXPECT_GT(c(s, "extensor_digitorum_longus").z, ta.z) << level << ": extensor digitorum longus lateral to tibialis anterior";
    EXPECT_LT(tibia.z, fibula.z) << level << ": tibia medial";
    if (std::string(level) != "85%") {
      EXPECT_GT(ta.z, tibia.z) << level << ": tibialis anterior lateral to the tibia";
    }
  }
}

TEST_F(SectionAnatomy, SoleusBehindTheDeepMusclesGastrocnemiusBehindIt) {
  for (const char* level : {"25%", "40%", "55%", "85%"}) {
    SceneSection s = at(level);
    glm::dvec3 soleus = c(s, "soleus");
    EXPECT_LT(soleus.x, c(s, "tibialis_posterior").x) << level;
    if (s.find("flexor_digitorum_longus")) {
      EXPECT_LT(soleus.x, c(s, "flexor_digitorum_longus").x) << level;
    }
    if (std::string(level) == "55%" || std::string(level) == "85%") {
      EXPECT_LT(soleus.x, c(s, "flexor_hallucis_longus").x) << level;
    }
    // The medial head ends at 48-60% of the way down (issue 11; today 50.8%,
    // Outline.GastrocnemiusHeadsAreBroadFlatSheetsTheMedialReachingLower),
    // so at 55% it may no longer be cut; where it is, it lies behind soleus.
    if (std::string(level) == "25%" || std::string(level) == "40%" || s.find("gastrocnemius_medial_head")) {
      EXPECT_LT(c(s, "gastrocnemius_medial_head").x, soleus.x) << level;
    }
    EXPECT_LT(c(s, "tibialis_posterior").x, c(s, "tibia").x) << level << ": tibialis posterior behind the tibia";
  }
}

TEST_F(SectionAnatomy, PopliteusOnTheTibiaAboveTheSolealLineWithTheTibialNerveBehindIt) {
  // Popliteus inserts on the medial two thirds of the posterior surface of
  // the tibia above the soleal line (Gray's Anatomy, 20th ed., 1918), which
  // reaches the medial border about a third of the way down: at 25% its
  // lower fibres lie on the back of the tibia, medial to tibialis posterior.
  // Below the soleus's tendinous arch the tibial nerve runs on the deep
  // muscles, in front of the soleus. Before, popliteus ended at 21% and fat
  // filled its place; a first version of the strip hung off the tibia's
  // medial border, with the nerve medial to the bone.
  SceneSection s = at("25%");
  const StructureSection *popliteus_cut = s.find("popliteus"), *tibia_cut = s.find("tibia");
  ASSERT_NE(popliteus_cut, nullptr) << "popliteus is not cut at 25%";
  ASSERT_NE(tibia_cut, nullptr);
  EXPECT_EQ(popliteus_cut->measure.pieces, 1u);
  double tibia_medial = 1.0;
  for (const auto& loop : tibia_cut->section.loops)
    for (const auto& p : loop.points) tibia_medial = std::min(tibia_medial, s.plane.to_model(p).z);
  const glm::dvec3 popliteus = c(s, "popliteus"), tibia = c(s, "tibia"), nerve = c(s, "tibial_nerve");
  EXPECT_LT(popliteus.x, tibia.x) << "popliteus behind the tibia";
  EXPECT_GT(popliteus.z, tibia_medial + 0.003) << "popliteus on the back of the tibia, not off its medial border";
  EXPECT_GT(popliteus.x, c(s, "soleus").x) << "popliteus in front of the soleus";
  EXPECT_LT(popliteus.z, c(s, "tibialis_posterior").z) << "popliteus medial to tibialis posterior";
  EXPECT_LT(nerve.x, popliteus.x) << "the tibial nerve behind popliteus";
  EXPECT_GT(nerve.x, c(s, "soleus").x) << "the tibial nerve in front of the soleus";
  EXPECT_GT(nerve.z, tibia_medial + 0.005) << "the tibial nerve behind the deep muscles, not medial to the tibia";
}

// Medially popliteus reaches the tibia's medial border, not beyond it
// (Gray's Anatomy, 20th ed., 1918). Its sweep had reached 10 to 17.5 mm
// medial of the bone at 13-20% of the way down: from behind, a block
// overhanging the bone's medial edge. Every 1% from 12 to 23%: its cut's
// most medial point lies within 6 mm of the tibia's, on either side (it
// wraps the edge of the bone, 2.3-4.7 mm past it, but not far past it).
TEST_F(SectionAnatomy, PopliteusKeepsToTheTibiasMedialBorder) {
  for (int pc = 12; pc <= 23; ++pc) {
    const std::string level = std::to_string(pc) + "%";
    SceneSection s = at(level.c_str());
    const StructureSection *popliteus_cut = s.find("popliteus"), *tibia_cut = s.find("tibia");
    ASSERT_TRUE(popliteus_cut && tibia_cut) << level;
    double tibia_medial = 1.0, popliteus_medial = 1.0;
    for (const auto& loop : tibia_cut->section.loops)
      for (const auto& p : loop.points) tibia_medial = std::min(tibia_medial, s.plane.to_model(p).z);
    for (const auto& loop : popliteus_cut->section.loops)
      for (const auto& p : loop.points) popliteus_medial = std::min(popliteus_medial, s.plane.to_model(p).z);
    const double beyond = tibia_medial - popliteus_medial;
    std::printf("%s: popliteus reaches %.1f mm medial of the tibia\n", level.c_str(), beyond * 1000.0);
    EXPECT_LE(beyond, 0.006) << level << ": popliteus overhangs the tibia's medial border";
    EXPECT_GE(beyond, -0.006) << level << ": popliteus stops short of the tibia's medial side";
  }
}

// Popliteus's lateral part, in front of the tibial nerve, had come apart
// from the rest where the nerve's groove crossed it: a lobe of 44.7 mm2 at
// 17.1% of the way down, shrinking to 2.2 mm2 at 17.4%, between the half
// per cents other tests cut at. Every 0.05% from 15 to 20%: one piece
// larger than 0.01 mm2.
TEST_F(SectionAnatomy, PopliteusIsOnePieceBesideTheTibialNerve) {
  for (int k = 0; k <= 100; ++k) {
    char level[16];
    std::snprintf(level, sizeof level, "%.2f%%", 15.0 + 0.05 * k);
    SceneSection s = at(level);
    const StructureSection* popliteus_cut = s.find("popliteus");
    ASSERT_NE(popliteus_cut, nullptr) << level;
    // Pieces of a visible size (a cut grazing a fold of the mesh can leave a
    // loop of no area, which nobody sees).
    int pieces = 0;
    for (const auto& loop : popliteus_cut->section.loops) pieces += signed_area(loop.points) > 1e-8 ? 1 : 0;
    EXPECT_EQ(pieces, 1) << "popliteus in pieces at " << level;
  }
}

TEST_F(SectionAnatomy, NoSoleusBehindTheCalcanealTendon) {
  // The soleus's fibres end on the front of the calcaneal tendon; its upper
  // end is a broad plate on the soleus's back. The soleus wrapped over that
  // end: at 55-57% of the way down a sliver of it lay behind the tendon.
  // Every 1% from where the tendon begins to 90%: no soleus point lies
  // behind the tendon's back over the middle half of the tendon's breadth
  // (its back taken within 1 mm of the point's mediolateral position). At
  // the tendon's rounded edges, low down, the soleus lies beside it and may
  // reach as far back as the tendon's back does at its middle.
  int levels = 0;
  for (int pc = 54; pc <= 90; ++pc) {
    const std::string level = std::to_string(pc) + "%";
    SceneSection s = at(level.c_str());
    const StructureSection *tendon = s.find("calcaneal_tendon"), *soleus = s.find("soleus");
    if (!tendon) continue;
    ASSERT_NE(soleus, nullptr) << level;
    ++levels;
    std::vector<glm::dvec3> tendon_points;
    double zmin = 1.0, zmax = -1.0;
    for (const auto& loop : tendon->section.loops)
      for (const auto& p : loop.points) {
        tendon_points.push_back(s.plane.to_model(p));
        zmin = std::min(zmin, tendon_points.back().z);
        zmax = std::max(zmax, tendon_points.back().z);
      }
    const double quarter = 0.25 * (zmax - zmin);
    double worst = 0.0;
    for (const auto& loop : soleus->section.loops)
      for (const auto& p : loop.points) {
        const glm::dvec3 m = s.plane.to_model(p);
        if (m.z < zmin + quarter || m.z > zmax - quarter) continue;
        double back = 1.0;
        for (const glm::dvec3& q : tendon_points)
          if (std::abs(q.z - m.z) < 0.001) back = std::min(back, q.x);
        if (back < 1.0) worst = std::max(worst, back - m.x);
      }
    EXPECT_LE(worst, 0.0) << level << ": soleus " << worst * 1000.0 << " mm behind the calcaneal tendon";
  }
  EXPECT_GE(levels, 30) << "the tendon is cut from 56 to 90%";
}

TEST_F(SectionAnatomy, FibularisBrevisArisesFromTheLowerTwoThirdsOfTheFibula) {
  // Gray's Anatomy (41st ed., the leg): brevis arises from the distal
  // two-thirds of the fibula's lateral surface, deep to longus, so a section
  // a third of the way down and below cuts it beside the bone. Before,
  // brevis began at about 48% and neither level cut it.
  for (const char* level : {"35%", "40%"}) {
    SceneSection s = at(level);
    const StructureSection* brevis = s.find("fibularis_brevis");
    ASSERT_NE(brevis, nullptr) << level;
    EXPECT_GT(brevis->measure.area_m2, 0.3e-4) << level << ": more than 0.3 cm²";
    EXPECT_GT(c(s, "fibularis_brevis").z, c(s, "fibula").z) << level << ": lateral to the fibula";
    EXPECT_GT(c(s, "fibularis_longus").z, c(s, "fibularis_brevis").z) << level << ": longus lateral to brevis";
    EXPECT_LT(glm::distance(c(s, "fibularis_brevis"), c(s, "fibula")), 0.02) << level << ": beside the bone";
  }
}

TEST_F(SectionAnatomy, DeepFlexorsInOrderAndTendonsLowDown) {
  SceneSection s = at("55%");
  // Medial to lateral behind the leg: flexor digitorum longus, tibialis posterior, flexor hallucis longus.
  EXPECT_LT(c(s, "flexor_digitorum_longus").z, c(s, "tibialis_posterior").z);
  EXPECT_LT(c(s, "tibialis_posterior").z, c(s, "flexor_hallucis_longus").z);
  SceneSection low = at("85%");
  glm::dvec3 achilles = c(low, "calcaneal_tendon");
  for (const auto& st : low.structures)
    // Plantaris's tendon runs along the calcaneal tendon's medial edge, as deep as it.
    if ((st.kind == StructureKind::muscle || st.kind == StructureKind::bone) && st.id != "plantaris") {
      EXPECT_LE(achilles.x, low.plane.to_model(st.measure.centroid).x + 1e-9) << st.id << " lies behind the calcaneal tendon";
    }
  EXPECT_GT(c(low, "sural_nerve").z, achilles.z) << "sural nerve lateral to the calcaneal tendon";
}

TEST_F(SectionAnatomy, SkinHoldsEverythingCutAtEachLevel) {
  for (const char* level : {"25%", "40%", "55%", "85%"}) {
    SceneSection s = at(level);
    const StructureSection* skin = s.find("skin");
    ASSERT_NE(skin, nullptr) << level;
    EXPECT_EQ(skin->measure.pieces, 1u) << level << ": one closed outline";
    double inside = 0.0;
    for (const auto& st : s.structures)
      if (st.kind != StructureKind::skin) inside += st.measure.area_m2;
    EXPECT_LT(inside, skin->measure.area_m2) << level << ": the parts fit inside the skin";
    EXPECT_GT(inside, 0.25 * skin->measure.area_m2) << level;
  }
}

namespace {
// Winding number of the section's loops about p (material loops run
// counter-clockwise, holes clockwise): inside the material when positive.
bool inside_section(const MeshSection& section, const glm::dvec2& p) {
  int winding = 0;
  for (const auto& loop : section.loops) {
    const auto& q = loop.points;
    for (std::size_t i = 0, j = q.size() - 1; i < q.size(); j = i++) {
      if (q[j].y <= p.y) {
        if (q[i].y > p.y && (q[i].x - q[j].x) * (p.y - q[j].y) - (p.x - q[j].x) * (q[i].y - q[j].y) > 0) ++winding;
      } else if (q[i].y <= p.y && (q[i].x - q[j].x) * (p.y - q[j].y) - (p.x - q[j].x) * (q[i].y - q[j].y) < 0) {
        --winding;
      }
    }
  }
  return winding > 0;
}
} // namespace

// Issue 11: nerves run between muscles, not through them. Every cut of a nerve
// trunk (at least 6 mm² across: the motor branches that end inside their
// muscle are thinner) has its centre outside every bone, muscle and tendon.
// Sources: O'Rahilly figs 16-1 and 16-5 (tibial nerve between soleus and the
// deep muscles, deep fibular nerve on the interosseous membrane); see SOURCES.md.
TEST_F(SectionAnatomy, NerveTrunksLieBetweenMusclesNotInsideThem) {
  for (const char* level : {"25%", "40%", "55%", "70%", "85%"}) {
    SceneSection s = at(level);
    for (const auto& nerve : s.structures) {
      if (nerve.kind != StructureKind::nerve) continue;
      for (const auto& loop : nerve.section.loops) {
        if (signed_area(loop.points) < 6e-6) continue;
        const glm::dvec2 centre = area_centroid(loop);
        for (const auto& other : s.structures) {
          const bool solid =
              other.kind == StructureKind::bone || other.kind == StructureKind::muscle || other.kind == StructureKind::tendon;
          if (solid && inside_section(other.section, centre))
            ADD_FAILURE() << nerve.id << " runs inside " << other.id << " at " << level;
        }
      }
    }
  }
}

namespace {

// Whether p (model frame) lies on a branch of `nerve` to `muscle`: within
// 5 mm of the branch's path in the manifest (a branch leaves its trunk on
// the muscle's surface and ends inside it).
template <class Branches>
bool entering_its_muscle(const Branches& branches, const std::string& nerve, const std::string& muscle, const glm::dvec3& p) {
  for (const auto& b : branches) {
    if (b.nerve != nerve || b.muscle != muscle) continue;
    for (std::size_t i = 0; i + 1 < b.path.size(); ++i) {
      const glm::dvec3 a(b.path[i]), e(b.path[i + 1]);
      const double t = std::clamp(glm::dot(p - a, e - a) / std::max(glm::dot(e - a, e - a), 1e-18), 0.0, 1.0);
      if (glm::distance(p, a + t * (e - a)) <= 0.005) return true;
    }
  }
  return false;
}

} // namespace

// Issue 11: nerves run between muscles, and so do their branches, until a
// motor branch enters its own muscle. Every cut of every nerve, trunk or
// branch, at every 1% from 5% above the knee joint to 95% of the way down,
// has its centre outside every bone, muscle and tendon, except the muscle a
// branch of that nerve supplies where the branch enters it
// (within 5 mm of the branch's path in the manifest: a branch leaves its
// trunk on the muscle's surface and ends inside it). Sources:
// Gray's Anatomy 42nd ed., ch. 82-83; Moore's Clinically Oriented Anatomy
// 8th ed., ch. 5 (SOURCES.md, "Nerves").
TEST_F(SectionAnatomy, EveryNerveCutLiesBetweenMusclesExceptWhereABranchEntersItsOwn) {
  ASSERT_TRUE(scene_->manifest);
  const auto& branches = scene_->manifest->branches;
  ASSERT_FALSE(branches.empty());
  for (int pc = -5; pc <= 95; ++pc) {
    const std::string level = std::to_string(pc) + "%";
    SceneSection s = at(level.c_str());
    for (const auto& nerve : s.structures) {
      if (nerve.kind != StructureKind::nerve) continue;
      for (const auto& loop : nerve.section.loops) {
        if (signed_area(loop.points) < 0.5e-6) continue; // holes and crumbs
        const glm::dvec2 centre = area_centroid(loop);
        const glm::dvec3 at_model = s.plane.to_model(centre);
        for (const auto& other : s.structures) {
          const bool solid =
              other.kind == StructureKind::bone || other.kind == StructureKind::muscle || other.kind == StructureKind::tendon;
          if (!solid || !inside_section(other.section, centre)) continue;
          if (!entering_its_muscle(branches, nerve.id, other.id, at_model))
            ADD_FAILURE() << nerve.id << " runs inside " << other.id << " at " << level << " (" << at_model.x * 1000.0 << ", "
                          << at_model.y * 1000.0 << ", " << at_model.z * 1000.0 << " mm)";
        }
      }
    }
  }
}

namespace {

// Bounding box of a section's loops in the plane frame.
struct Box2 {
  glm::dvec2 lo{1e9}, hi{-1e9};
  bool contains(const glm::dvec2& p) const { return p.x >= lo.x && p.y >= lo.y && p.x <= hi.x && p.y <= hi.y; }
};
Box2 box_of(const MeshSection& s) {
  Box2 b;
  for (const auto& l : s.loops)
    for (const auto& p : l.points) {
      b.lo = glm::min(b.lo, p);
      b.hi = glm::max(b.hi, p);
    }
  return b;
}

} // namespace

// Issue 11: nerves run between the bones, not through them. Every cut of
// every nerve, 5% above the knee joint to 95% of the way down, sampled every
// 0.25 mm: the area it shares with each bone, muscle and tendon (not
// counting a branch entering its own muscle, as above). The routing left
// the common fibular nerve in the fibula's neck (12 mm2 of its cut at 25%);
// now it shares nothing with a bone. The deep fibular nerve lay in the
// fibula's anterior edge from 31 to 56% (up to 6.6 mm2) and in the tibia at
// 85 to 87% (up to 2.9 mm2); it now runs in a channel on the interosseous
// membrane (muscle_recipes.hpp) and in front of the tibia's lower end, and
// shares nothing with a bone either. The tibial nerve ran through the
// plantaris tendon at 13 to 15% (up to 7.0 mm2); the tendon now stays
// lateral to it until the nerve has passed under the soleus's arch. Known
// and left, not to grow (docs/ATLAS-MEASUREMENTS.md): up to 1.3 mm2 of a
// nerve's cut in a muscle where it passes close by (the tibial nerve by the
// soleus at 53%, the deep fibular nerve's branches by tibialis anterior).
TEST_F(SectionAnatomy, NoNerveRunsThroughABone) {
  ASSERT_TRUE(scene_->manifest);
  const auto& branches = scene_->manifest->branches;
  constexpr double kStep = 0.00025; // sample spacing in the plane, metres
  for (int pc = -5; pc <= 95; ++pc) {
    const std::string level = std::to_string(pc) + "%";
    SceneSection s = at(level.c_str());
    std::vector<Box2> boxes;
    for (const auto& o : s.structures) boxes.push_back(box_of(o.section));
    for (const auto& nerve : s.structures) {
      if (nerve.kind != StructureKind::nerve) continue;
      const Box2 nb = box_of(nerve.section);
      for (std::size_t k = 0; k < s.structures.size(); ++k) {
        const auto& other = s.structures[k];
        const bool solid =
            other.kind == StructureKind::bone || other.kind == StructureKind::muscle || other.kind == StructureKind::tendon;
        if (!solid || boxes[k].lo.x > nb.hi.x || boxes[k].hi.x < nb.lo.x || boxes[k].lo.y > nb.hi.y || boxes[k].hi.y < nb.lo.y)
          continue;
        int hits = 0;
        for (double u = nb.lo.x; u <= nb.hi.x; u += kStep)
          for (double v = nb.lo.y; v <= nb.hi.y; v += kStep) {
            const glm::dvec2 p(u, v);
            if (!boxes[k].contains(p) || !inside_section(nerve.section, p) || !inside_section(other.section, p)) continue;
            hits += entering_its_muscle(branches, nerve.id, other.id, s.plane.to_model(p)) ? 0 : 1;
          }
        const double mm2 = hits * kStep * kStep * 1e6;
        if (mm2 > 0.2) std::printf("%s in %s at %s: %.2f mm2\n", nerve.id.c_str(), other.id.c_str(), level.c_str(), mm2);
        const bool known = other.kind != StructureKind::bone;
        EXPECT_LE(mm2, known ? 1.5 : 0.25) << nerve.id << " runs through " << other.id << " at " << level;
      }
    }
  }
}

// Issue 11: every structure one connected piece, and a cross-section shows
// each muscle of the anterior compartment as one piece. Extensor digitorum
// longus was cut in two at 62-70% (extensor hallucis longus, sized to its
// volume, wrapped laterally through it) and at 70-80% (fibularis tertius lay
// in its middle), and extensor hallucis longus in two to four at 55-68%
// (docs/ATLAS-MEASUREMENTS.md, "The anterior compartment above the ankle");
// at 86% the end of extensor hallucis longus's belly lay apart from its
// tendon. Every 1% from 36 to 90% of the way down, from where each begins
// to where the tendons run alone: each is one loop.
TEST_F(SectionAnatomy, AnteriorCompartmentMusclesAreEachCutInOnePiece) {
  for (int pc = 36; pc <= 90; ++pc) {
    const std::string level = std::to_string(pc) + "%";
    SceneSection s = at(level.c_str());
    for (const char* id : {"tibialis_anterior", "extensor_digitorum_longus", "extensor_hallucis_longus", "fibularis_tertius"}) {
      const StructureSection* st = s.find(id);
      if (!st) continue;
      // Crumbs under 0.01 mm2 (a tenth of a millimetre square) do not count,
      // as in SectionOutline.NoNewFleckLiesApartFromItsStructure: with the
      // nerves' grooves' lips rounded over 2 mm, one of 0.004 mm2 lies on
      // tibialis anterior's edge beside the deep fibular nerve at 56%.
      // Fibularis tertius's rounded top (y 0.192) leaves a shelf in the
      // underside of extensor digitorum longus at 66%; an ear of the mesh
      // hung about 1 mm below it, a piece of 0.19 mm2 in the cut, from when the
      // fascia was followed more finely (outline.cpp, 7 December 2026) until
      // it was trimmed once the nerves are routed (muscles.cpp).
      std::vector<double> areas;
      for (const ContourLoop& loop : st->section.loops)
        if (const double a = std::abs(signed_area(loop.points)); a >= 1e-8) areas.push_back(a);
      EXPECT_EQ(areas.size(), 1u) << id << " in " << areas.size() << " pieces at " << level;
    }
  }
}

// Issue 11: nerves run between muscles, not through them; a nerve in a
// tunnel through a muscle (the muscle's cut with a hole round the nerve) has
// its centre outside the muscle too, so the tests above miss it. The deep
// fibular nerve ran through extensor hallucis longus at 80%. Every 1% from
// 5% above the knee joint line to 95% of the way down, no hole in a muscle's
// or a tendon's cut holds a nerve, except the common fibular nerve's in
// fibularis longus: it winds round the fibular neck between the muscle's
// attachments to the head and the shaft (Gray's Anatomy 42nd ed.;
// fibular_tunnel, muscle_recipes.hpp). At the knee joint line the common
// fibular nerve lies between the biceps tendon and the lateral head of
// gastrocnemius (Gray's Anatomy 1918), on the head's lateral side; it ran
// through the head for 2 cm (-1 to 1%), a hole this test now reaches.
TEST_F(SectionAnatomy, NoNerveRunsThroughATunnelInAMuscle) {
  for (int pc = -5; pc <= 95; ++pc) {
    const std::string level = std::to_string(pc) + "%";
    SceneSection s = at(level.c_str());
    for (const auto& other : s.structures) {
      if (other.kind != StructureKind::muscle && other.kind != StructureKind::tendon) continue;
      for (const auto& hole : other.section.loops) {
        if (signed_area(hole.points) >= 0.0) continue;
        const MeshSection inside = region_of(hole);
        for (const auto& nerve : s.structures) {
          if (nerve.kind != StructureKind::nerve) continue;
          if (nerve.id == "common_fibular_nerve" && other.id == "fibularis_longus") continue;
          for (const auto& loop : nerve.section.loops)
            if (signed_area(loop.points) > 0.0 && inside_section(inside, area_centroid(loop)))
              ADD_FAILURE() << nerve.id << " runs through a tunnel in " << other.id << " at " << level;
        }
      }
    }
  }
}

// Above the ankle the anterior tibial vessels and the deep fibular nerve lie
// between tibialis anterior and extensor hallucis longus, and extensor
// digitorum longus lies lateral to extensor hallucis longus; near the bend
// of the ankle the hallucis tendon crosses in front of them to their medial
// side (Gray's Anatomy 1918, "Extensor hallucis longus"; SOURCES.md, "The
// anterior compartment above the ankle"). The nerve lay lateral to extensor
// hallucis longus from 66% down. Every 2% from 66 to 82%: tibialis anterior,
// the nerve, extensor hallucis longus and extensor digitorum longus in that
// order from medial to lateral (by the centres of their cuts).
TEST_F(SectionAnatomy, DeepFibularNerveLiesBetweenTibialisAnteriorAndExtensorHallucisLongus) {
  for (int pc = 66; pc <= 82; pc += 2) {
    const std::string level = std::to_string(pc) + "%";
    SceneSection s = at(level.c_str());
    const double ta = c(s, "tibialis_anterior").z, nerve = c(s, "deep_fibular_nerve").z, ehl = c(s, "extensor_hallucis_longus").z,
                 edl = c(s, "extensor_digitorum_longus").z;
    EXPECT_LT(ta, nerve) << level << ": the nerve lateral to tibialis anterior";
    EXPECT_LT(nerve, ehl) << level << ": the nerve medial to extensor hallucis longus";
    EXPECT_LT(ehl, edl) << level << ": extensor digitorum longus lateral to extensor hallucis longus";
  }
}

// Extensor digitorum longus arises from the upper three-fourths of the
// fibula's anterior surface and extensor hallucis longus from its middle
// half (Gray's Anatomy 1918): above the ankle the digitorum's fleshy fibres
// still come down onto its tendon beside the hallucis. Extensor digitorum
// longus was a dot of 0.3 cm2 in front of an extensor hallucis longus of
// 2.5 cm2 at 76-82% (docs/ATLAS-MEASUREMENTS.md, "Extensor digitorum longus
// above the ankle"). Every 2% from 66 to 84%: its cut is at least 0.5 cm2
// and at least a quarter of the hallucis's.
TEST_F(SectionAnatomy, ExtensorDigitorumLongusIsNotADotBesideExtensorHallucisLongusAboveTheAnkle) {
  auto cut_cm2 = [](const SceneSection& s, const char* id) {
    const StructureSection* st = s.find(id);
    return st ? st->measure.area_m2 * 1e4 : 0.0;
  };
  for (int pc = 66; pc <= 84; pc += 2) {
    const std::string level = std::to_string(pc) + "%";
    SceneSection s = at(level.c_str());
    const double edl = cut_cm2(s, "extensor_digitorum_longus"), ehl = cut_cm2(s, "extensor_hallucis_longus");
    EXPECT_GE(edl, 0.5) << level;
    EXPECT_GE(edl, 0.25 * ehl) << level << ": extensor hallucis longus " << ehl << " cm2";
  }
}

// Behind the medial malleolus the tibial nerve runs with the posterior
// tibial vessels between the tendons of flexor digitorum longus and flexor
// hallucis longus, deep to the flexor retinaculum (Gray's Anatomy 1918,
// p. 489, the laciniate ligament: its canals, from the medial side,
// hold tibialis posterior and flexor digitorum longus, then the vessels and
// the nerve, then flexor hallucis longus). The atlas of 5 December 2026 ran
// it medial to flexor digitorum longus, 2.2 to 2.5 mm under the skin, which
// it creased from the malleolus to the heel (docs/ATLAS-MEASUREMENTS.md,
// "The tibial nerve behind the medial malleolus"). Every 2% from 92 to 98%:
// the nerve lies behind flexor digitorum longus and between the two tendons
// from medial to lateral.
TEST_F(SectionAnatomy, TibialNerveRunsBetweenTheLongFlexorTendonsBehindTheMedialMalleolus) {
  for (int pc = 92; pc <= 98; pc += 2) {
    const std::string level = std::to_string(pc) + "%";
    SceneSection s = at(level.c_str());
    const glm::dvec3 nerve = c(s, "tibial_nerve"), fdl = c(s, "flexor_digitorum_longus"), fhl = c(s, "flexor_hallucis_longus");
    EXPECT_LT(nerve.x, fdl.x) << level << ": the nerve behind flexor digitorum longus";
    EXPECT_GT(nerve.z, fdl.z) << level << ": the nerve lateral to flexor digitorum longus";
    EXPECT_LT(nerve.z, fhl.z) << level << ": the nerve medial to flexor hallucis longus";
  }
}

// Issue 11: no muscle or tendon runs through a tunnel in another, as no
// nerve does (above). Every 0.5% from 5% above the knee joint line to 95% of
// the way down (a tunnel can be 1 cm long). The plantaris tendon, which
// crosses between gastrocnemius and soleus (Gray's Anatomy 1918,
// "Plantaris"), ran through a tunnel in the medial head at 21.5-22% and
// 41.5-45% (a hole of 17-18 mm2 round its 7.5 mm2) until the head's groove
// for it was left open towards the soleus (muscles.cpp; docs/ATLAS-
// MEASUREMENTS.md, "The plantaris tendon and the medial head").
TEST_F(SectionAnatomy, NoMuscleOrTendonRunsThroughATunnelInAnother) {
  auto solid = [](const StructureSection& s) { return s.kind == StructureKind::muscle || s.kind == StructureKind::tendon; };
  for (int half = -10; half <= 190; ++half) {
    char level[16];
    std::snprintf(level, sizeof level, "%.1f%%", 0.5 * half);
    SceneSection s = at(level);
    for (const auto& other : s.structures) {
      if (!solid(other)) continue;
      for (const auto& hole : other.section.loops) {
        if (signed_area(hole.points) >= 0.0) continue;
        const MeshSection inside = region_of(hole);
        for (const auto& one : s.structures) {
          if (!solid(one) || one.id == other.id) continue;
          for (const auto& loop : one.section.loops)
            if (signed_area(loop.points) > 0.0 && inside_section(inside, area_centroid(loop)))
              ADD_FAILURE() << one.id << " runs through a tunnel in " << other.id << " at " << level;
        }
      }
    }
  }
}
