# The project's commands. `make demo` and `make test` are the two in the
# README; everything else is for contributors.
SHELL := /bin/bash
export NODE_PATH := /usr/share/nodejs
export EM_CLOSURE_COMPILER := $(CURDIR)/node_modules/.bin/google-closure-compiler
PORT ?= 8080
FUZZ_SECONDS ?= 60

.PHONY: all deps build wasm test test-native test-sanitize test-wasm test-node test-browser \
        test-corpus demo package bench fuzz format data clean

all: build

deps:
	@tools/deps.sh

build: deps
	@cmake --preset native >/dev/null
	@cmake --build --preset native

# The three wasm builds of the core and web/dist (the npm package's files).
wasm: deps
	@tools/build-wasm.sh

# dist/quoteline-<version>.tgz, with the size figures.
package: deps
	@tools/package.sh

# The demo pages on 127.0.0.1:$(PORT) (the offline page also opens from disk).
demo: wasm
	@node demo/make-sample.mjs
	@PORT=$(PORT) node tools/serve.mjs

# --- tests ----------------------------------------------------------------
test: deps
	@tools/test.sh

test-native: build
	@ctest --preset native

test-sanitize: deps
	@cmake --preset sanitize >/dev/null
	@cmake --build --preset sanitize
	@ctest --preset sanitize

test-wasm: wasm
	@cmake --build --preset wasm --target unit_tests
	@ctest --preset wasm

test-node: build wasm
	@node --test tests/node/

test-browser: wasm
	@node --test --test-concurrency=1 tests/e2e/*.test.mjs

# --- benchmarks (not tests) -------------------------------------------------
# One table (bench/run.mjs, `--quick` for a shorter run); size.mjs also runs alone.
bench: build wasm
	@cmake --build --preset native --target native_bench
	@cmake --build --preset wasm --target native_bench
	@node bench/run.mjs

# libFuzzer targets for FUZZ_SECONDS each; crashes land in build-fuzz/crashes.
fuzz: deps
	@tools/fuzz.sh $(FUZZ_SECONDS)

# --- data -----------------------------------------------------------------
data:
	@python3 tools/gen_lexicons.py

format:
	@clang-format -i $$(git ls-files 'core/*.cpp' 'core/*.h' 'cli/*.cpp' 'tests/*.cpp' 'wasm/*.cpp' 'bench/*.cpp' 'fuzz/*.cpp')

clean:
	rm -rf build build-* dist web/dist
