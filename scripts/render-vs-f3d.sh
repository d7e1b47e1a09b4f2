#!/usr/bin/env bash
# Issue 9's render yardstick: `crus render` of the bundled atlas to a
# 1920x1080 PNG against f3d (Debian's f3d package, under Xvfb), as whole
# processes, alternating, N times each. Prints each run's wall and CPU
# (user+sys) seconds, then the medians and the ratio crus/f3d.
#   scripts/render-vs-f3d.sh [N] [CRUS_BINARY]
set -euo pipefail
n=${1:-5}
crus=${2:-build/release/crus}
glb=assets/atlas/lower_leg_right.glb
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
command -v f3d >/dev/null || { echo "f3d is not installed (apt-get install f3d)" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "xvfb-run is not installed (apt-get install xvfb)" >&2; exit 2; }
measure() { # label command...: prints "label wall cpu"
  local label=$1
  shift
  /usr/bin/time -o "$out/time" -f "%e %U %S" "$@" >/dev/null 2>&1 || { echo "$label failed" >&2; exit 1; }
  local t
  t=$(tail -1 "$out/time")
  awk -v l="$label" -v t="$t" 'BEGIN { split(t, a, " "); printf "%s %.2f %.2f\n", l, a[1], a[2] + a[3] }'
}
for i in $(seq "$n"); do
  measure crus "$crus" render --size 1920x1080 --out "$out/crus.png"
  # f3d needs an X display: Xvfb starts inside the timed command, as a user of f3d would need.
  measure f3d xvfb-run -a f3d --output="$out/f3d.png" --resolution=1920,1080 "$glb"
  measure f3d_only_x xvfb-run -a true
done | tee "$out/runs.txt"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$out/runs.txt" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
med = {}
for label in ("crus", "f3d", "f3d_only_x"):
    w = [float(r[1]) for r in rows if r[0] == label]
    c = [float(r[2]) for r in rows if r[0] == label]
    med[label] = (statistics.median(w), statistics.median(c))
    print(f"{label:11s} median wall {med[label][0]:.2f} s, cpu {med[label][1]:.2f} s over {len(w)} runs")
print(f"ratio crus/f3d: wall {med['crus'][0] / med['f3d'][0]:.2f}, cpu {med['crus'][1] / med['f3d'][1]:.2f}")
print(f"ratio crus/(f3d less Xvfb start): wall {med['crus'][0] / max(med['f3d'][0] - med['f3d_only_x'][0], 1e-3):.2f}")
PY
