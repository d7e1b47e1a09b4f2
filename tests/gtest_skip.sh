#!/usr/bin/env bash
# Runs a GoogleTest binary for ctest and exits 77 (the entry's
# SKIP_RETURN_CODE) when it passed but skipped any test, so that ctest's
# summary says "Skipped" instead of letting "Passed" hide skipped checks.
# A failure stays a failure.
set -uo pipefail
log=$(mktemp)
trap 'rm -f "$log"' EXIT
"$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if [ "$status" -eq 0 ] && grep -q '^\[  SKIPPED \]' "$log"; then
  echo "gtest_skip.sh: $(grep -m1 -o '^\[  SKIPPED \] [0-9]* tests\?' "$log" | cut -c14-) skipped; the entry reports as skipped"
  exit 77
fi
exit "$status"
