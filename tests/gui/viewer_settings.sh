#!/usr/bin/env bash
# GUI test (issue 10): what the viewer remembers is wired up. Under a private
# Xvfb screen of 1280x800, with a settings.json (26 pt text, Structures, Info
# and Red flags open, light background, a turned view) and a window.json for
# a larger, far-off screen:
#   1. the viewer opens inside the screen, with the light background;
#   2. closed as a window manager asks, it writes the same settings back and
#      a window size that fits;
#   3. View > Reset to defaults, then closing, leaves the defaults.
# Exit 77 (skipped) without Xvfb, xdotool or ImageMagick.
#   tests/gui/viewer_settings.sh CRUS_BINARY
set -uo pipefail
crus=$1
here=$(cd "$(dirname "$0")" && pwd)
for tool in Xvfb xdotool import convert python3; do
  command -v $tool >/dev/null || { echo "SKIPPED: $tool is not installed (apt-get install xvfb xdotool imagemagick)"; exit 77; }
done
work=$(mktemp -d)
xpid="" pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; [ -n "$xpid" ] && kill "$xpid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 & xpid=$!
for _ in $(seq 1 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { echo "SKIPPED: Xvfb did not start"; exit 77; }
export DISPLAY=:$(head -1 "$work/display")
export XDG_CONFIG_HOME=$work/config
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" # see viewer_corrupt_inputs.sh
mkdir -p "$XDG_CONFIG_HOME/crus"
settings=$XDG_CONFIG_HOME/crus/settings.json
cat >"$settings" <<'JSON'
{"text_size": 26, "open_panels": ["Structures", "Info", "Red flags"], "light_background": true, "panels_hidden": false,
 "mirror": false, "view": {"target": [0.0, 0.25, 0.0], "distance": 1.3, "yaw": 0.7, "pitch": 0.1}}
JSON
echo '{"width": 5000, "height": 4000, "x": 3000, "y": 2500}' >"$XDG_CONFIG_HOME/crus/window.json"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

start() {
  "$crus" --detail light >"$work/log" 2>&1 & pid=$!
  for _ in $(seq 1 120); do
    xdotool search --onlyvisible --name Crus >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/log"; fail "the viewer exited"; exit 1; }
    sleep 0.5
  done
  sleep 8 # a few software-rendered frames
}
stop() {
  python3 "$here/close_window.py" >/dev/null || true
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && { kill -9 "$pid"; fail "the viewer did not close when asked"; }
  wait "$pid"; local status=$?; pid=""
  [ "$status" -eq 0 ] || { cat "$work/log"; fail "exit status $status"; }
}

# 1. Restored: inside the screen, light background.
start
read -r w h < <(xdotool search --onlyvisible --name Crus getwindowgeometry | awk '/Geometry/ {split($2, a, "x"); print a[1], a[2]}')
[ "${w:-99999}" -le 1280 ] && [ "${h:-99999}" -le 800 ] || fail "the window is ${w}x${h}, larger than the 1280x800 screen"
# Several tries: on a loaded machine the first frames can be slow to come.
for attempt in 1 2 3 4; do
  import -window root "$work/shot.png"
  light=$(convert "$work/shot.png" -colorspace Gray -threshold 85% -format '%[fx:mean]' info:)
  python3 -c "import sys; sys.exit(0 if float('$light') > 0.12 else 1)" && break
  [ "$attempt" = 4 ] && fail "the background is not light: $light of the screen is near white"
  sleep 5
done
stop
python3 - "$settings" "$XDG_CONFIG_HOME/crus/window.json" <<'PY' || failures=$((failures + 1))
import json, sys
s = json.load(open(sys.argv[1])); w = json.load(open(sys.argv[2]))
problems = []
if s.get("text_size") != 26: problems.append("text_size %r" % s.get("text_size"))
if s.get("light_background") is not True: problems.append("light_background %r" % s.get("light_background"))
if sorted(s.get("open_panels", [])) != ["Info", "Red flags", "Structures"]: problems.append("open_panels %r" % s.get("open_panels"))
if abs(s.get("view", {}).get("yaw", 0) - 0.7) > 0.01: problems.append("view %r" % s.get("view"))
if w.get("width", 1e9) > 1280 or w.get("height", 1e9) > 800: problems.append("window %r" % w)
for p in problems: print("FAIL: not restored and saved back:", p)
sys.exit(1 if problems else 0)
PY

# 2. View > Reset to defaults (menu positions for 26 pt text), then close.
start
xdotool mousemove 150 15 click 1; sleep 3
xdotool mousemove 220 417 click 1; sleep 8
stop
python3 - "$settings" <<'PY' || failures=$((failures + 1))
import json, sys
s = json.load(open(sys.argv[1]))
problems = []
if s.get("text_size") != 17: problems.append("text_size %r" % s.get("text_size"))
if s.get("light_background") is not False: problems.append("light_background %r" % s.get("light_background"))
if "Red flags" in s.get("open_panels", []): problems.append("open_panels %r" % s.get("open_panels"))
# The reset view turns smoothly toward the front (yaw 0); on a loaded machine
# it may still be turning when the window closes, but it has left 0.7.
if abs(s.get("view", {}).get("yaw", 0)) > 0.5: problems.append("view %r" % s.get("view"))
for p in problems: print("FAIL: not back to the defaults:", p)
sys.exit(1 if problems else 0)
PY
[ "$failures" -eq 0 ] && echo "ok: settings restored at start, saved back, reset to defaults; the window fits the screen"
exit $((failures > 0))
