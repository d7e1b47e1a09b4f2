#!/usr/bin/env bash
# Regenerates the figures in docs/ from the bundled atlas: the four views of
# the atlas, the referral maps of every muscle with trigger points, the
# cross-sections, and
# screenshots of the viewer's info panel with each highlight (under Xvfb).
# Usage: scripts/make-docs-figures.sh [path/to/crus]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
crus=${1:-$here/build/release/crus}
cd "$here"
mkdir -p docs/atlas docs/referral docs/info docs/clinical

for v in anterior posterior medial lateral; do
  "$crus" render --view "$v" --size 1000x1250 --out "docs/atlas/$v.png"
done
foot=talus,calcaneus,navicular,cuboid,medial_cuneiform,intermediate_cuneiform,lateral_cuneiform
foot=$foot,metatarsal_1,metatarsal_2,metatarsal_3,metatarsal_4,metatarsal_5
foot=$foot,phalanges_1,phalanges_2,phalanges_3,phalanges_4,phalanges_5
"$crus" render --isolate "$foot" --view superior --size 1000x900 --out docs/atlas/foot_superior.png

for m in gastrocnemius soleus plantaris tibialis_anterior fibularis_longus fibularis_brevis fibularis_tertius \
         popliteus tibialis_posterior flexor_digitorum_longus flexor_hallucis_longus \
         extensor_digitorum_longus extensor_hallucis_longus; do
  for v in posterior anterior medial lateral; do
    "$crus" render --view "$v" --size 640x800 --overlay "referral:$m" --out "docs/referral/${m}_$v.png"
  done
done
# Patterns on the sole show only from below.
for m in tibialis_posterior flexor_digitorum_longus flexor_hallucis_longus; do
  "$crus" render --view inferior --size 640x800 --overlay "referral:$m" --out "docs/referral/${m}_inferior.png"
done
"$crus" render --view posterior --size 800x1000 --overlay trigger-points --out docs/referral/all_posterior.png

# Cross-sections at the four levels of docs/ATLAS-MEASUREMENTS.md, and the cut model.
mkdir -p docs/sections
for p in 25 40 55 85; do
  "$crus" render --section "$p%" --out "docs/sections/section-$p.png"
done
"$crus" render --section 40% --compartments --out docs/sections/section-40-compartments.png
"$crus" render --section 40% --section-style model --view anterior --out docs/sections/model-40-anterior.png
"$crus" render --section 40% --section-style model --view lateral --hide skin --out docs/sections/model-40-lateral.png
# Patient handouts for three painted places (docs/clinical/RED_FLAGS.md): the
# back of the heel, the outer ankle bone and the middle of the calf. The
# pain-map panel figure (pain_map_panel_heel.png) is written by the UI test
# PainMapPanel.LooksRightWithTheBundledData into build/*/test-output.
rm -f docs/clinical/handout_*.png # page counts change with the text
"$crus" handout --at -0.14,0.03,0.079 --out docs/clinical/handout_heel.png
"$crus" handout --at -0.062,0.046,0.135 --out docs/clinical/handout_lateral_ankle.png
"$crus" handout --at -0.125,0.27,0.085 --out docs/clinical/handout_calf_swelling.png
"$crus" handout --trigger-point soleus_trp1 --patient "Ana Lopes (example)" --date 2026-03-14 \
  --notes $'Calf stretch with the knee bent, 3 times 30 s, twice a day.\nReview in two weeks.' \
  --out docs/clinical/handout_soleus_trp1_patient.png
"$crus" handout --trigger-point soleus_trp1 --patient "Ana Lopes (example)" --date 2026-03-14 --paper letter \
  --notes $'Calf stretch with the knee bent, 3 times 30 s, twice a day.\nReview in two weeks.' \
  --out docs/clinical/handout_soleus_trp1_patient.pdf
# A lesson's slides, notes and PDF, and the PDF's first page as a picture.
"$crus" lesson export triceps_surae --out docs/lessons/triceps_surae
if command -v pdftoppm >/dev/null; then
  pdftoppm -f 1 -l 1 -r 80 -png -singlefile docs/lessons/triceps_surae/lesson.pdf docs/lessons/triceps_surae/lesson-page-1
fi

shot=${WINDOW_SHOT:-$here/../shared/tools/window-shot}
if [ -x "$shot" ]; then
  cfg=$(mktemp -d)
  for m in gastrocnemius_medial_head soleus tibialis_anterior fibularis_longus; do
    case $m in
      tibialis_anterior) view=anterior;;
      fibularis_longus) view=lateral;;
      *) view=posterior;;
    esac
    for h in origin insertion innervation function; do
      # Once more if the private X server did not start (seen now and then).
      for attempt in 1 2; do
        "$shot" "docs/info/${m}_$h.png" --size 1600x1000 --wait 6 -- env XDG_CONFIG_HOME="$cfg" \
          "$crus" --view "$view" --select "$m" --highlight "$h" && break
        [ "$attempt" = 2 ] && exit 1
      done
    done
  done
  for attempt in 1 2; do
    "$shot" docs/clinical/red_flags_panel.png --size 1600x1000 --wait 8 -- env XDG_CONFIG_HOME="$cfg" \
      "$crus" --view posterior --panel "Red flags" && break
    [ "$attempt" = 2 ] && exit 1
  done
  rm -rf "$cfg"
  rm -f docs/info/*.log docs/clinical/*.log
else
  echo "make-docs-figures: $shot not found; skipped the viewer screenshots" >&2
fi
