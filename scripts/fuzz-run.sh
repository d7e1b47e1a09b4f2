#!/usr/bin/env bash
# Runs the libFuzzer targets (built by `cmake --preset fuzz && cmake --build
# --preset fuzz`) on their seed corpora in tests/fuzz/corpus/.
#
#   scripts/fuzz-run.sh                 short and deterministic (CI): a fixed
#                                       seed and run count per target
#   FUZZ_SECONDS=3600 scripts/fuzz-run.sh gltf knowledge
#                                       a long run of the named targets (all
#                                       when none named); new inputs are kept
#                                       in build/fuzz/work/<target>
#
# A crash leaves its input in build/fuzz/artifacts/ and the script exits 1;
# turn each into a regression test in the normal suite.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${FUZZ_BUILD:-build/fuzz}
SECONDS_EACH=${FUZZ_SECONDS:-0}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(atlas_map manifest knowledge trigger_points red_flags gltf)

# Runs per target for the short run: 5-10 seconds of CPU each (about 40 s
# in all); FUZZ_RUNS overrides them all. FUZZ_ARGS adds libFuzzer options.
declare -A RUNS=([atlas_map]=${FUZZ_RUNS:-30000} [manifest]=${FUZZ_RUNS:-30000} [knowledge]=${FUZZ_RUNS:-20000} [trigger_points]=${FUZZ_RUNS:-15000} [red_flags]=${FUZZ_RUNS:-15000} [gltf]=${FUZZ_RUNS:-30000})

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp}
export CRUS_ASSETS=$PWD/assets
# The file-based loaders get their input through a file: keep it in memory.
[ -w /dev/shm ] && export TMPDIR=/dev/shm
mkdir -p "$BUILD/artifacts"
status=0
for t in "${targets[@]}"; do
  bin="$BUILD/fuzz/fuzz_$t"
  [ -x "$bin" ] || { echo "fuzz-run: $bin is missing; build it with: cmake --preset fuzz && cmake --build --preset fuzz" >&2; exit 2; }
  seeds="tests/fuzz/corpus/$t"
  common=(-max_len=65536 -timeout=20 -rss_limit_mb=2048 -artifact_prefix="$BUILD/artifacts/$t-" -print_final_stats=1 ${FUZZ_ARGS:-})
  if [ "$SECONDS_EACH" -gt 0 ]; then
    work="$BUILD/work/$t"
    mkdir -p "$work"
    args=(-max_total_time="$SECONDS_EACH" "${common[@]}" "$work" "$seeds")
  else
    # New inputs go to a throwaway folder (the first one named), never into the tree.
    work=$(mktemp -d)
    args=(-seed=1 -runs="${RUNS[$t]}" "${common[@]}" "$work" "$seeds" "tests/fuzz/regressions/$t")
  fi
  echo "== fuzz_$t ${args[*]:0:2}"
  start=$(date +%s)
  if ! "$bin" "${args[@]}" > "$BUILD/fuzz-$t.log" 2>&1; then
    status=1
    echo "fuzz_$t FAILED (log: $BUILD/fuzz-$t.log):"
    grep -E "ERROR|SUMMARY|Test unit written|==[0-9]+==" "$BUILD/fuzz-$t.log" | head -20
  else
    echo "fuzz_$t ok: $(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$BUILD/fuzz-$t.log" | awk '{print $2}') inputs in $(( $(date +%s) - start )) s"
  fi
  [ "$SECONDS_EACH" -gt 0 ] || rm -rf "$work"
done
exit $status
