#!/usr/bin/env bash
# The frame figures of docs/PERFORMANCE.md, on whatever GL the machine has
# (llvmpipe here, a GPU through EGL elsewhere): `crus bench` of the full
# atlas three times and of the light atlas once at 1920x1080, the full atlas
# at 3840x2160, each with a moving leg (--moving), then a lateral render at
# knee 90 to look at. Writes the JSON lines and the picture into OUT and
# prints one line per run.
#   scripts/bench-figures.sh OUT [CRUS_BINARY=build/release/crus-headless] [FRAMES=120]
# On a machine without the Debian libraries, carry the binary with the
# libraries `ldd` names (less glibc) and glvnd's libEGL.so.1, libOpenGL.so.0,
# libGL.so.1 and libGLX.so.0 in one folder, and set LD_LIBRARY_PATH to it and
# CRUS_ASSETS to this repository's assets folder.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: scripts/bench-figures.sh OUT [CRUS_BINARY] [FRAMES]" >&2; exit 2; }
out=$1
crus=${2:-build/release/crus-headless}
frames=${3:-120}
full=assets/atlas/lower_leg_right.glb
light=assets/atlas/lower_leg_right_lod1.glb
moving=knee=0:120,ankle=20:-40
mkdir -p "$out"
run() { # NAME ARGS...
  local name=$1
  shift
  timeout 300 "$crus" bench --json --moving "$moving" "$@" >>"$out/$name.jsonl"
  python3 - "$out/$name.jsonl" "$name" <<'PY'
import json, sys
d = json.loads(open(sys.argv[1]).read().splitlines()[-1]); m = d["moving"]
print("%-8s %dx%d %7d tris  frame %.2f ms (p95 %.2f)  bare %.2f  ratio %.2f | moving: pose %.2f  send %.2f  draw %.2f  frame %.2f (p95 %.2f)  bind %.0f ms  [%s]" % (
    sys.argv[2], d["width"], d["height"], d["triangles"], d["frame_ms_median"], d["frame_ms_p95"], d["bare_frame_ms_median"],
    d["frame_to_bare_ratio"], m["pose_ms_median"], m["upload_ms_median"], m["draw_ms_median"], m["frame_ms_median"],
    m["frame_ms_p95"], m["bind_ms"], d["renderer"]))
PY
}
for r in 1 2 3; do run full --frames "$frames" --atlas "$full"; done
run light --frames "$frames" --atlas "$light"
run full_4k --frames $((frames / 2 > 2 ? frames / 2 : 2)) --size 3840x2160 --atlas "$full" --frame-out "$out/anterior_4k.png"
timeout 120 "$crus" render --pose knee=90,ankle=-20 --view lateral --size 1200x1600 --out "$out/knee90_lateral.png"
