#!/usr/bin/env bash
# Checks that every tracked C++ source follows .clang-format (issue 9, part 5).
# Usage: scripts/check-format.sh          report files that differ, exit 1 if any
#        scripts/check-format.sh --fix    rewrite them in place
# Runs from ctest (test "format") so `make test` and CI check it.
set -euo pipefail
cd "$(dirname "$0")/.."
fmt=$(command -v clang-format || command -v clang-format-14 || true)
if [[ -z "$fmt" ]]; then
  echo "check-format: clang-format not found (scripts/debian-packages.txt lists it; run make deps)" >&2
  exit 2
fi
mapfile -t files < <(git ls-files -- 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp' 'bench/*.hpp' 2>/dev/null ||
                     find src tests bench -name '*.cpp' -o -name '*.hpp')
if [[ ${#files[@]} -eq 0 ]]; then
  echo "check-format: no C++ sources found (not a source tree?)" >&2
  exit 2
fi
if [[ "${1:-}" == "--fix" ]]; then
  "$fmt" -i --style=file "${files[@]}"
  exit 0
fi
bad=0
for f in "${files[@]}"; do
  if ! "$fmt" --style=file --dry-run -Werror "$f" >/dev/null 2>&1; then
    echo "check-format: $f differs from .clang-format (fix: scripts/check-format.sh --fix)" >&2
    bad=1
  fi
done
exit $bad
