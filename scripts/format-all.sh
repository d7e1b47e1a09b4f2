#!/usr/bin/env bash
# Rewrites every tracked C++ source in the style of .clang-format, in place
# (`make format`). Run once on main after the branches are merged, commit the
# result alone, then `scripts/format-check.sh` stays clean and can join `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
fmt=$(command -v clang-format || command -v clang-format-14 || true)
[[ -n "$fmt" ]] || { echo "format-all: clang-format not found (run make deps)" >&2; exit 2; }
if [[ -n "$(git status --porcelain --untracked-files=no)" ]]; then
  echo "format-all: the tree has uncommitted changes; commit them first so the reformat is a commit of its own" >&2
  exit 2
fi
git ls-files -z -- 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp' 'bench/*.hpp' |
  xargs -0 "$fmt" -i --style=file
echo "format-all: $(git diff --shortstat)"
