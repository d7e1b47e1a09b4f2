#!/usr/bin/env bash
# Checks that every tracked C++ source follows .clang-format (issue 9, part 5):
# clang-format --dry-run -Werror over src/, tests/ and bench/.
# Usage: scripts/format-check.sh          list the files that differ, exit 1 if any
#        scripts/format-check.sh --stat   also count the lines a reformat would change
# scripts/format-all.sh (make format) rewrites them. The ctest source_format
# runs this, so `make test` and CI fail on a file that differs.
set -euo pipefail
cd "$(dirname "$0")/.."
fmt=$(command -v clang-format || command -v clang-format-14 || true)
if [[ -z "$fmt" ]]; then
  echo "format-check: clang-format not found (scripts/debian-packages.txt lists it; run make deps)" >&2
  exit 2
fi
mapfile -t files < <(git ls-files -- 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp' 'bench/*.hpp' 2>/dev/null ||
                     find src tests bench -name '*.cpp' -o -name '*.hpp')
if [[ ${#files[@]} -eq 0 ]]; then
  echo "format-check: no C++ sources found (not a source tree?)" >&2
  exit 2
fi
# One clang-format process for all files; each warning line starts "file:line:col:".
mapfile -t bad < <("$fmt" --style=file --dry-run -Werror "${files[@]}" 2>&1 | grep -oE '^[^:]+\.(cpp|hpp):[0-9]+:[0-9]+: (error|warning)' | cut -d: -f1 | sort -u)
for f in "${bad[@]}"; do echo "format-check: $f differs from .clang-format" >&2; done
if [[ "${1:-}" == "--stat" ]]; then
  lines=0 total=0
  for f in "${files[@]}"; do
    total=$((total + $(wc -l <"$f")))
    lines=$((lines + $("$fmt" --style=file "$f" | diff "$f" - | grep -c '^<' || true)))
  done
  echo "format-check: ${#bad[@]} of ${#files[@]} files, $lines of $total lines would change"
fi
if [[ ${#bad[@]} -gt 0 ]]; then
  echo "format-check: ${#bad[@]} file(s) differ (fix: scripts/format-all.sh)" >&2
  exit 1
fi
