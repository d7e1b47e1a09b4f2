#!/usr/bin/env bash
# Regenerates the baseline images of tests/app/baseline_test.cpp after an
# intended change of the figures (review them with git diff / an image viewer
# before committing).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build/release}
cmake --build "$build" --target crus crus_app_tests
CRUS_UPDATE_BASELINES=1 "$build/tests/crus_app_tests" --gtest_filter='Figures/Baseline.*'
echo "baselines written to tests/baselines/"
