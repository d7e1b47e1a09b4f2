#pragma once
// Published figures the generator is built from (cited in SOURCES.md).
#include "core/io/atlas_manifest.hpp"

#include <glm/vec3.hpp>

#include <string>
#include <vector>

namespace crus::atlas {

// Joint centres of OpenSim Rajagopal et al. (2016) in its default pose.
std::vector<JointCentre> joint_centres();
glm::vec3 joint(const std::string& id); // "knee", "ankle", "subtalar", "mtp"

// One muscle's path in the Rajagopal 2016 model: first point = origin
// region, last = insertion region, the rest via points.
struct MusclePath {
  std::string model_name; // e.g. "soleus_r"
  std::string structure;  // atlas structure id, e.g. "soleus"
  std::vector<glm::vec3> points;
};
const std::vector<MusclePath>& muscle_paths();
const MusclePath& muscle_path(const std::string& structure);

// Published muscle volume of a ~1.70 m, 75 kg adult.
struct PublishedVolume {
  std::string structure;
  double volume_cm3 = 0.0;
  const char* source = "";
};
const std::vector<PublishedVolume>& published_volumes();

} // namespace crus::atlas
