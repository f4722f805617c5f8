# The project's entry points: `make run` and `make test` on a fresh Debian 12 machine (README).
BUILD      ?= build/release
ASAN_BUILD ?= build/asan
FUZZ_BUILD ?= build/fuzz
FUZZ_SECONDS ?= 60
JOBS       ?= $(shell nproc)
CMAKE_FLAGS ?=
# CI reads no debugger info: line tables (-g1) keep its stack traces and compile a quarter faster.
ifeq ($(CI),true)
CMAKE_FLAGS += -DRAPPORT_WERROR=ON -DRAPPORT_LINE_TABLES=ON
endif

.PHONY: setup configure build run test bench soak check-asan fuzz format clean user-guide

setup:
	@scripts/setup

configure: setup
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j$(JOBS)
	@scripts/web-build

# Only the program it runs: the test suites and benchmarks are built by `make test`/`make bench`.
run: configure
	@cmake --build $(BUILD) -j$(JOBS) --target rapport
	@scripts/web-build
	@scripts/run $(BUILD)/src/app/rapport

test: build
	@scripts/test $(BUILD)

bench: build
	@scripts/bench $(BUILD)

# The reliability harnesses' long forms (an hour or more): never part of `make test`.
soak: build
	@scripts/soak $(BUILD)

# Built by clang 14: it compiles the sanitized code three times faster than g++ 12 (130 s against
# 37 s for http/server.cpp), and the tests meet the second compiler's warnings too.
check-asan: setup
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DRAPPORT_SANITIZE=ON -DRAPPORT_BENCH=OFF $(CMAKE_FLAGS) >/dev/null
	@start=$$(date +%s); cmake --build $(ASAN_BUILD) -j$(JOBS) && \
	  echo "check-asan: build $$(( $$(date +%s) - start )) s"
	@start=$$(date +%s); ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  scripts/with-postgres ctest --test-dir $(ASAN_BUILD) --output-on-failure -j$(JOBS) && \
	  echo "check-asan: tests $$(( $$(date +%s) - start )) s"

fuzz: setup
	@scripts/fuzz $(FUZZ_BUILD) $(FUZZ_SECONDS)

# The screenshots of docs/user-guide.md, taken by the browser suite (scripts/user-guide-shots).
user-guide: build
	@scripts/user-guide-shots $(BUILD)

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
