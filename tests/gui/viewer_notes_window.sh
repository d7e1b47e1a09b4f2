#!/usr/bin/env bash
# GUI test (issue 13): the speaker-notes window. The viewer presents a
# bundled lesson under a private Xvfb display; F6 opens a second window
# ("Crus - speaker notes (step 1 of N)", its own GL and ImGui context); Page
# Down typed into that window steps the lesson (its title says step 2); F6
# again closes it and the viewer keeps running. Exit 77 (skipped) without
# Xvfb or xdotool.
#   tests/gui/viewer_notes_window.sh CRUS_BINARY
set -uo pipefail
crus=$1
here=$(cd "$(dirname "$0")" && pwd)
command -v Xvfb >/dev/null || { echo "SKIPPED: Xvfb is not installed (apt-get install xvfb)"; exit 77; }
command -v xdotool >/dev/null || { echo "SKIPPED: xdotool is not installed (apt-get install xdotool)"; exit 77; }
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
"$crus" --detail light --lesson triceps_surae --present >"$work/viewer.log" 2>&1 & pid=$!
# wait_for NAME: up to 90 s for a visible window whose title matches NAME.
wait_for() {
  for _ in $(seq 1 180); do
    kill -0 "$pid" 2>/dev/null || { echo "FAIL: the viewer exited:"; cat "$work/viewer.log"; exit 1; }
    xdotool search --onlyvisible --name "$1" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  return 1
}
wait_for "lower leg atlas" || { echo "FAIL: the viewer's window never appeared"; exit 1; }
main=$(xdotool search --onlyvisible --name "lower leg atlas" | head -1)
# The window shows while the atlas still loads on a worker thread; a key
# pressed during the load stays queued and runs once it ends (issue 9), so one
# press is enough however slow the load (the sanitizer builds).
xdotool windowfocus --sync "$main" key F6 >/dev/null 2>&1
wait_for "speaker notes \(step 1 of" || { echo "FAIL: F6 opened no speaker-notes window"; xdotool search --name . getwindowname %@; exit 1; }
echo "ok open: the speaker-notes window is up at step 1"
notes=$(xdotool search --onlyvisible --name "speaker notes" | head -1)
xdotool windowfocus --sync "$notes" key Next >/dev/null 2>&1
wait_for "speaker notes \(step 2 of" || { echo "FAIL: Page Down in the notes window did not step the lesson"; exit 1; }
echo "ok step: Page Down typed in the notes window stepped the lesson"
xdotool windowfocus --sync "$notes" key F6 >/dev/null 2>&1
for _ in $(seq 1 60); do xdotool search --onlyvisible --name "speaker notes" >/dev/null 2>&1 || break; sleep 0.5; done
xdotool search --onlyvisible --name "speaker notes" >/dev/null 2>&1 && { echo "FAIL: F6 did not close the notes window"; exit 1; }
kill -0 "$pid" 2>/dev/null || { echo "FAIL: the viewer exited with the notes window"; cat "$work/viewer.log"; exit 1; }
echo "ok close: F6 closed it and the viewer runs on"
python3 "$here/close_window.py" >/dev/null 2>&1 || kill "$pid"
wait "$pid"
