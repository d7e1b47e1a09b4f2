#!/usr/bin/env bash
# Regenerates the motion figures in docs/motion/ that `crus render` makes on
# its own (the table in docs/motion/README.md gives each one's command): the
# preset poses, the colour-by-length figures, the plantarflexion sequence,
# knee 120 and ankle -40, the posed section and the posed referral zone.
# Not the viewer screenshots (window-shot) nor the before/after figures,
# which compare two versions of the generator and stay as they were made.
# Usage: scripts/make-motion-figures.sh [path/to/crus]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
crus=${1:-$here/build/release/crus}
out=$here/docs/motion
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$here"

"$crus" render --pose knee=0 --view lateral --size 800x1000 --out "$out/neutral_lateral.png"
"$crus" render --pose ankle=-35,mtp=30 --view lateral --size 800x1000 --out "$out/tiptoe_lateral.png"
"$crus" render --pose knee=120,ankle=25 --view lateral --size 1000x800 --out "$out/deep_squat_lateral.png"
"$crus" render --pose ankle=-30,subtalar=10 --view anterior --size 800x1000 --out "$out/foot_drop_anterior.png"

# The Silfverskiöld test, knee straight then bent, side by side.
"$crus" render --pose knee=0,ankle=10 --colour-by-length --hide skin --view medial --size 700x1000 --out "$tmp/s1.png"
"$crus" render --pose knee=90,ankle=20 --colour-by-length --hide skin --view medial --size 1000x1000 --out "$tmp/s2.png"
montage "$tmp/s1.png" "$tmp/s2.png" -tile 2x1 -geometry +0+0 -background '#1c1f24' "$out/silfverskiold_by_length.png"

# Inversion and eversion from behind.
foot=talus,calcaneus,navicular,cuboid,medial_cuneiform,intermediate_cuneiform,lateral_cuneiform
foot=$foot,metatarsal_1,metatarsal_2,metatarsal_3,metatarsal_4,metatarsal_5
foot=$foot,phalanges_1,phalanges_2,phalanges_3,phalanges_4,phalanges_5
iso=tibia,fibula,$foot,fibularis_longus,fibularis_brevis,tibialis_posterior,tibialis_anterior
"$crus" render --pose subtalar=20 --colour-by-length --isolate "$iso" --view posterior --size 900x900 --out "$tmp/i1.png"
"$crus" render --pose subtalar=-20 --colour-by-length --isolate "$iso" --view posterior --size 900x900 --out "$tmp/i2.png"
montage "$tmp/i1.png" "$tmp/i2.png" -tile 2x1 -geometry +0+0 -background '#1c1f24' "$out/inversion_eversion_by_length.png"

# Plantarflexion as a frame sequence, and four of its frames in a strip.
"$crus" render --animate ankle=0:-40 --frames 8 --colour-by-length --hide skin --view medial --size 480x600 \
  --out "$out/plantarflexion"
montage "$out"/plantarflexion/frame_00{0,2,4,7}.png -tile 4x1 -geometry +0+0 -background '#1c1f24' \
  "$out/plantarflexion_strip.png"

# The ends of the ranges.
"$crus" render --pose knee=120 --view medial --size 900x900 --out "$out/knee120_medial.png"
"$crus" render --pose knee=120,ankle=0 --view posterior --hide skin --size 1000x900 --out "$out/knee120_posterior_collision.png"
knee=femur,tibia,fibula,patella,popliteus,gastrocnemius_medial_head,gastrocnemius_lateral_head
knee=$knee,common_fibular_nerve,tibial_nerve,plantaris
"$crus" render --pose knee=120,ankle=0 --view medial --isolate "$knee" --size 1000x900 --out "$out/knee120_medial_collision.png"
"$crus" render --pose knee=120,ankle=0 --view lateral --isolate "$knee" --size 1000x900 --out "$out/knee120_lateral_collision.png"
"$crus" render --pose ankle=-40 --view medial --size 700x1000 --out "$out/ankle_minus40_medial.png"
"$crus" render --pose ankle=-40 --hide skin --view posterior --size 700x1000 --out "$out/ankle_minus40_posterior_muscles.png"
"$crus" render --pose knee=120 --view superior --size 800x800 --out "$tmp/behind.png"
convert "$tmp/behind.png" -crop 300x420+250+80 +repage "$out/skin_settle_knee120_from_behind.png"

# A posed section, and a referral zone on the posed skin.
"$crus" render --section 40% --pose knee=90,ankle=-40 --size 800x700 --out "$out/section_40pct_knee90_ankle-40.png"
"$crus" render --view lateral --size 500x650 --pose knee=90,ankle=-30 --overlay referral:soleus_trp1 \
  --out "$out/referral_zone_posed.png"
