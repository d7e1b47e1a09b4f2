// The one entry point of crus_benchmarks; the benchmarks live in the other
// files of this folder.
#include <benchmark/benchmark.h>

BENCHMARK_MAIN();
