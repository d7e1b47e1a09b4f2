# The README's two commands. Both install what is missing, configure once and
# rebuild incrementally.
BUILD ?= build/release
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CRUS_ARGS ?=

.PHONY: run test deps configure build asan fuzz format clean

deps:
	@bash scripts/install-deps.sh

$(BUILD)/build.ninja: | deps
	cmake --preset default

configure: deps $(BUILD)/build.ninja

build: configure
	cmake --build $(BUILD) -j $(JOBS)

run: build
	@bash scripts/run-viewer.sh $(BUILD)/crus $(CRUS_ARGS)

test: build
	ctest --test-dir $(BUILD) -j $(JOBS) --output-on-failure

# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer, less
# the tests labelled slow (the atlas's reference comparisons, the
# interpenetration sweep): the Release pass of `make test` runs those.
# intercept_tls_get_addr=0: GCC 12's leak checker can take a glibc 2.36
# dynamic-TLS block for an old-layout one and crash while scanning it at exit
# ("Tracer caught signal 11", google/sanitizers#1322); whether it does depends
# on the process's memory layout (a scene path one character longer was
# enough for crus render --scene). Leaks are still checked everywhere else.
asan: deps
	@[ -f build/asan/build.ninja ] || cmake --preset asan-ubsan
	cmake --build build/asan -j $(JOBS)
	ASAN_OPTIONS=intercept_tls_get_addr=0 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --test-dir build/asan -j $(JOBS) --output-on-failure -LE slow

# The libFuzzer targets (clang, ASan + UBSan), each run on its seed corpus
# with a fixed seed and run count; FUZZ_SECONDS=3600 scripts/fuzz-run.sh
# fuzzes for longer.
fuzz: deps
	@[ -f build/fuzz/build.ninja ] || cmake --preset fuzz
	cmake --build build/fuzz -j $(JOBS) --target crus_fuzzers
	bash scripts/fuzz-run.sh

# Rewrites every C++ source in the style of .clang-format;
# scripts/format-check.sh checks it.
format:
	bash scripts/format-all.sh

clean:
	rm -rf build
