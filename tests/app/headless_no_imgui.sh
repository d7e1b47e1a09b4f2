#!/usr/bin/env bash
# crus-headless (the CLI without the viewer, linked from crus_headless alone)
# holds no ImGui code, while crus (with the viewer) does, so the check can
# fail; and it renders a labelled figure and a handout like crus.
set -euo pipefail
headless=$1 full=$2 out=$3
imgui_symbols() { nm -C "$1" | grep -c 'ImGui\|ImDrawList\|ImFont' || true; }
n=$(imgui_symbols "$headless")
if [ "$n" != 0 ]; then
  echo "crus-headless holds $n ImGui symbols:"; nm -C "$headless" | grep 'ImGui\|ImDrawList\|ImFont' | head
  exit 1
fi
full_n=$(imgui_symbols "$full")
[ "$full_n" -gt 0 ] || { echo "the check found no ImGui symbol in crus either: it cannot fail"; exit 1; }
mkdir -p "$out"
"$headless" render --select gastrocnemius_medial_head --highlight all --size 640x480 --out "$out/headless_labels.png"
test -s "$out/headless_labels.png"
"$headless" handout --trigger-point soleus_trp1 --out "$out/headless_handout.png"
test -s "$out/headless_handout.png"
# No subcommand: one line and status 2, not a crash.
set +e
"$headless" >/dev/null 2>"$out/headless_stderr.txt"; rc=$?
set -e
[ "$rc" = 2 ] || { echo "crus-headless with no subcommand exited $rc"; exit 1; }
grep -q 'no viewer' "$out/headless_stderr.txt"
echo "crus-headless: 0 ImGui symbols (crus: $full_n); rendered $out/headless_labels.png"
