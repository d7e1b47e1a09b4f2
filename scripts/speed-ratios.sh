#!/usr/bin/env bash
# Issue 9's render yardstick, side by side: one or more `crus` binaries
# (e.g. a build of main and a build of a branch) and f3d render the bundled
# atlas to a 1920x1080 PNG as whole processes, taking turns, N times per
# round, R rounds. Prints per round the median wall seconds of each and each
# crus's ratio to f3d, then the medians over all runs and the load average
# before and after (other work on the machine moves these figures: compare
# ratios taken in the same run, not across runs).
#   scripts/speed-ratios.sh [N=7] [R=3] [CRUS_BINARY...]   (default build/release/crus)
set -euo pipefail
n=${1:-7}
rounds=${2:-3}
shift $(($# < 2 ? $# : 2))
crus=("$@")
[ ${#crus[@]} -eq 0 ] && crus=(build/release/crus)
glb=assets/atlas/lower_leg_right.glb
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
command -v f3d >/dev/null || { echo "f3d is not installed (apt-get install f3d)" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "xvfb-run is not installed (apt-get install xvfb)" >&2; exit 2; }
for c in "${crus[@]}"; do [ -x "$c" ] || { echo "not an executable: $c" >&2; exit 2; }; done
measure() { # round label command...: appends "round label wall"
  local round=$1 label=$2
  shift 2
  /usr/bin/time -o "$out/time" -f "%e" "$@" >/dev/null 2>&1 || { echo "$label failed" >&2; exit 1; }
  echo "$round $label $(tail -1 "$out/time")" >>"$out/runs.txt"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$rounds"); do
  for i in $(seq "$n"); do
    for k in "${!crus[@]}"; do
      measure "$r" "crus$k" "${crus[$k]}" render --size 1920x1080 --out "$out/crus$k.png"
    done
    # f3d needs an X display: Xvfb starts inside the timed command, as a user of f3d would need.
    measure "$r" f3d xvfb-run -a f3d --output="$out/f3d.png" --resolution=1920,1080 "$glb"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for k in "${!crus[@]}"; do echo "crus$k = ${crus[$k]}"; done
python3 - "$out/runs.txt" "${#crus[@]}" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
labels = [f"crus{k}" for k in range(int(sys.argv[2]))]
def report(title, sel):
    med = {l: statistics.median(float(r[2]) for r in sel if r[1] == l) for l in labels + ["f3d"]}
    parts = [f"{l} {med[l]:.3f} s (ratio {med[l] / med['f3d']:.3f})" for l in labels]
    print(f"{title}: f3d {med['f3d']:.3f} s, " + ", ".join(parts))
for r in sorted({r[0] for r in rows}, key=int):
    report(f"round {r}", [x for x in rows if x[0] == r])
report(f"all {len([x for x in rows if x[1] == 'f3d'])} runs each", rows)
PY
