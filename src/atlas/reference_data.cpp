#include "atlas/reference_data.hpp"

#include "core/error.hpp"

namespace crus::atlas {

std::vector<JointCentre> joint_centres() {
  // Rajagopal 2016, ground frame, default pose (walker_knee_r, ankle_r,
  // subtalar_r, mtp_r joint centres).
  return {{"knee", {-0.064366f, 0.453550f, 0.074510f}},
          {"ankle", {-0.066276f, 0.057085f, 0.075995f}},
          {"subtalar", {-0.115046f, 0.015135f, 0.083915f}},
          {"mtp", {0.063754f, 0.013135f, 0.084995f}}};
}

glm::vec3 joint(const std::string& id) {
  for (const JointCentre& j : joint_centres())
    if (j.id == id) return j.position;
  throw RuntimeError("atlas generator: no joint centre '" + id + "'");
}

const std::vector<MusclePath>& muscle_paths() {
  // Path points of the Rajagopal 2016 right-leg muscles, in the ground frame.
  static const std::vector<MusclePath> paths = {
      {"edl_r",
       "extensor_digitorum_longus",
       {{-0.072276f, 0.341385f, 0.096495f},
        {-0.039876f, 0.081085f, 0.087195f},
        {-0.023146f, 0.051135f, 0.084715f},
        {0.046554f, 0.020635f, 0.096915f},
        {0.064054f, 0.017835f, 0.100295f},
        {0.108054f, 0.012735f, 0.109995f}}},
      {"ehl_r",
       "extensor_hallucis_longus",
       {{-0.070276f, 0.302085f, 0.094895f},
        {-0.049176f, 0.166185f, 0.092395f},
        {-0.036276f, 0.087785f, 0.073195f},
        {-0.018046f, 0.054035f, 0.062815f},
        {0.014254f, 0.046035f, 0.058215f},
        {0.058354f, 0.029035f, 0.055915f},
        {0.093554f, 0.017235f, 0.060495f},
        {0.120054f, 0.016535f, 0.066395f}}},
      {"fdl_r",
       "flexor_digitorum_longus",
       {{-0.058576f, 0.273885f, 0.074195f},
        {-0.073876f, 0.092585f, 0.063595f},
        {-0.071446f, 0.046635f, 0.055915f},
        {-0.044246f, 0.032735f, 0.057615f},
        {0.050754f, 0.007035f, 0.095515f},
        {0.061854f, 0.005335f, 0.099695f},
        {0.092254f, 0.006035f, 0.106495f},
        {0.107854f, 0.007135f, 0.109195f}}},
      {"fhl_r",
       "flexor_hallucis_longus",
       {{-0.087276f, 0.240785f, 0.095995f},
        {-0.080476f, 0.089985f, 0.068395f},
        {-0.077646f, 0.042735f, 0.059815f},
        {-0.011246f, 0.021935f, 0.058315f},
        {0.057554f, 0.009835f, 0.057015f},
        {0.079254f, 0.006735f, 0.058495f},
        {0.119954f, 0.002935f, 0.066895f}}},
      {"gaslat_r", "gastrocnemius_lateral_head", {{-0.059276f, 0.480110f, 0.104960f}, {-0.110646f, 0.046135f, 0.078615f}}},
      {"gasmed_r", "gastrocnemius_medial_head", {{-0.048276f, 0.482710f, 0.056460f}, {-0.110646f, 0.046135f, 0.078615f}}},
      {"perbrev_r",
       "fibularis_brevis",
       {{-0.080576f, 0.203885f, 0.101095f},
        {-0.090176f, 0.067785f, 0.100895f},
        {-0.084776f, 0.056685f, 0.101495f},
        {-0.067946f, 0.042135f, 0.107215f},
        {-0.047346f, 0.037035f, 0.118215f}}},
      {"perlong_r",
       "fibularis_longus",
       {{-0.076276f, 0.319785f, 0.104195f},
        {-0.087976f, 0.067085f, 0.099695f},
        {-0.083476f, 0.055685f, 0.099995f},
        {-0.071246f, 0.038135f, 0.106015f},
        {-0.046946f, 0.025735f, 0.112315f},
        {-0.029846f, 0.022035f, 0.095715f},
        {0.005254f, 0.023635f, 0.065515f}}},
      {"soleus_r", "soleus", {{-0.063876f, 0.365485f, 0.085795f}, {-0.110646f, 0.046135f, 0.078615f}}},
      {"tibant_r",
       "tibialis_anterior",
       {{-0.040876f, 0.325885f, 0.092195f},
        {-0.031176f, 0.266485f, 0.088795f},
        {-0.032976f, 0.091185f, 0.062795f},
        {0.001554f, 0.032935f, 0.053415f}}},
      {"tibpost_r",
       "tibialis_posterior",
       {{-0.060376f, 0.326685f, 0.086295f},
        {-0.072676f, 0.091585f, 0.058495f},
        {-0.073346f, 0.048535f, 0.055315f},
        {-0.037846f, 0.031035f, 0.055815f}}},
  };
  return paths;
}

const MusclePath& muscle_path(const std::string& structure) {
  for (const MusclePath& p : muscle_paths())
    if (p.structure == structure) return p;
  throw RuntimeError("atlas generator: no published path for '" + structure + "'");
}

const std::vector<PublishedVolume>& published_volumes() {
  // Volumes for a 1.70 m, 75 kg adult: Rajagopal et al. 2016 set each
  // muscle's strength from Handsfield et al. 2014 (MRI, 24 adults: each
  // muscle's share of the total limb muscle volume, total from a regression
  // on height x mass), so volume = max isometric force x optimal fibre length
  // / 60 N/cm2. Popliteus is not in that model: its Handsfield share of the
  // model's total. Where
  // Fukunaga et al. 1992 and the Handsfield cohort differ, see SOURCES.md.
  static const char* kModel = "Rajagopal et al. 2016 from Handsfield et al. 2014";
  static const std::vector<PublishedVolume> volumes = {
      {"soleus", 454.3, kModel},
      {"gastrocnemius_medial_head", 264.8, kModel},
      {"gastrocnemius_lateral_head", 154.4, kModel},
      {"tibialis_anterior", 139.7, kModel},
      {"tibialis_posterior", 109.0, kModel},
      {"extensor_digitorum_longus", 69.7, kModel},
      {"extensor_hallucis_longus", 35.6, kModel},
      {"flexor_digitorum_longus", 31.5, kModel},
      {"flexor_hallucis_longus", 79.7, kModel},
      {"fibularis_longus", 94.4, kModel},
      {"fibularis_brevis", 39.4, kModel},
      {"popliteus", 24.0, "Handsfield et al. 2014 share of the model's total (derived)"},
  };
  return volumes;
}

} // namespace crus::atlas
