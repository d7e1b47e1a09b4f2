#!/usr/bin/env bash
# Installs the build into a temporary prefix and checks that the installed
# crus finds its own data from another working folder, without the source
# tree: it must read share/crus/assets (a fault planted in the installed copy
# must be the one it reports).
set -euo pipefail
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
bin=$prefix/bin/crus
data=$prefix/share/crus
[ -x "$bin" ] || { echo "FAIL: $bin missing"; exit 1; }
[ -f "$data/assets/atlas/lower_leg_right.glb" ] || { echo "FAIL: atlas not installed under $data"; exit 1; }
[ -f "$data/shaders/mesh.frag" ] || { echo "FAIL: shaders not installed under $data"; exit 1; }
cd /
unset CRUS_ASSETS
out=$(env -u CRUS_ASSETS "$bin" validate 2>&1) || { echo "FAIL: installed crus validate: $out"; exit 1; }
echo "$out"
# Plant a fault in the installed knowledge base: the installed binary must see it.
printf '{ broken' > "$data/assets/knowledge/red_flags.json"
set +e
out=$(env -u CRUS_ASSETS "$bin" validate 2>&1); rc=$?
set -e
if [ $rc -ne 2 ] || ! grep -q "$data/assets/knowledge/red_flags.json" <<<"$out"; then
  echo "FAIL: the installed crus did not read its installed assets (rc $rc): $out"; exit 1
fi
echo "PASS: installed crus reads $data/assets from $(pwd)"
