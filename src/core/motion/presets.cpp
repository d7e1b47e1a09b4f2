#include "core/motion/presets.hpp"

namespace crus::motion {

// The gait poses take typical sagittal angles of normal walking (Perry's
// phases: at initial contact the ankle is near neutral and the knee almost
// straight; in pre-swing the ankle plantarflexes about 20 degrees, the knee
// flexes about 40 and the first MTP joint extends 30 or more), as tabulated
// in Podiapaedia, "Angular kinematics of gait"
// (https://podiapaedia.org/wiki/biomechanics/gait/angular-kinematics-of-gait/).
// The others are ends of the model's ranges (Rajagopal et al. 2016) or
// illustrative poses, said so in their notes.
const std::vector<PosePreset>& pose_presets() {
  static const std::vector<PosePreset> presets{
      {"neutral", "Neutral standing", {0.0, 0.0, 0.0, 0.0}, "Every joint at 0: the pose the atlas was built in."},
      {"tiptoe",
       "On tiptoe",
       {0.0, -35.0, 0.0, 30.0},
       "Ankle plantarflexed, toes extended at the MTP joints: the triceps surae short."},
      {"deep_squat",
       "Deep squat",
       {120.0, 25.0, 0.0, 0.0},
       "Knee at the model's 120 degree limit, ankle dorsiflexed: the gastrocnemius slack over two joints, the soleus doing the "
       "work."},
      {"heel_strike",
       "Heel strike",
       {5.0, 0.0, 0.0, 0.0},
       "Initial contact: ankle near neutral, knee almost straight; the dorsiflexors hold the foot."},
      {"push_off",
       "Push-off",
       {40.0, -20.0, 0.0, 30.0},
       "Pre-swing: ankle plantarflexed about 20 degrees, knee flexing about 40, toes extended."},
      {"foot_drop",
       "Foot drop",
       {0.0, -30.0, 10.0, 0.0},
       "Illustrative: without the dorsiflexors (deep fibular nerve) the foot hangs plantarflexed and a little inverted."},
      {"silfverskiold_straight",
       "Silfversk\u00f6ld test: knee straight",
       {0.0, 10.0, 0.0, 0.0},
       "Illustrative: passive dorsiflexion with the knee extended, the gastrocnemius stretched over both joints."},
      {"silfverskiold_bent",
       "Silfversk\u00f6ld test: knee bent",
       {90.0, 20.0, 0.0, 0.0},
       "Illustrative: with the knee flexed the gastrocnemius slackens, so the ankle dorsiflexes further if it was the tight "
       "one."},
      {"full_plantarflexion", "Full plantarflexion", {0.0, -40.0, 0.0, 0.0}, "The model's range: ankle -40 degrees."},
      {"full_dorsiflexion", "Full dorsiflexion", {0.0, 30.0, 0.0, 0.0}, "The model's range: ankle +30 degrees."},
      {"inversion", "Inversion", {0.0, 0.0, 20.0, 0.0}, "The model's range: subtalar +20 degrees."},
      {"eversion", "Eversion", {0.0, 0.0, -20.0, 0.0}, "The model's range: subtalar -20 degrees."},
      {"knee_flexion", "Knee flexion 90", {90.0, 0.0, 0.0, 0.0}, "Knee bent to a right angle, ankle neutral."},
      {"toe_extension", "Toe extension", {0.0, 0.0, 0.0, 30.0}, "The model's range: MTP extension 30 degrees (the toes up)."},
  };
  return presets;
}

const PosePreset* find_preset(const std::string& id) {
  for (const auto& p : pose_presets())
    if (p.id == id) return &p;
  return nullptr;
}

} // namespace crus::motion
