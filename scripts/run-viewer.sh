#!/usr/bin/env bash
# Opens the viewer on the bundled atlas. With no display at all, says how to
# get one instead of failing obscurely.
set -u
bin=$1; shift
here=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "make run: no display found (DISPLAY and WAYLAND_DISPLAY are unset)." >&2
  echo "  Run it from a desktop session, or under Xvfb:  xvfb-run -s '-screen 0 1600x1000x24' make run" >&2
  echo "  Headless figures need no display:  $bin render --view anterior --out leg.png" >&2
  exit 2
fi
cd "$here" && exec "$bin" "$@"
