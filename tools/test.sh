#!/usr/bin/env bash
# Every test, in the order a failure is cheapest to find: native unit tests,
# corpus scores, then (as their parts land) wasm, node and browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs

step() { printf '\n== %s\n' "$*"; }

step "formatting: the C++ tree as clang-format writes it"
files=$(git ls-files 'core/*.cpp' 'core/*.h' 'cli/*.cpp' 'tests/*.cpp' 'wasm/*.cpp' 'bench/*.cpp' 'fuzz/*.cpp')
clang-format --dry-run --Werror $files
echo "formatting: $(wc -w <<<"$files") files clean"

step "native build and Catch2 suite"
cmake --preset native >/dev/null
cmake --build --preset native
ctest --preset native

step "the Catch2 suite under AddressSanitizer and UBSan"
cmake --preset sanitize >/dev/null
cmake --build --preset sanitize
ctest --preset sanitize

step "fuzz: each libFuzzer target briefly"
tools/fuzz.sh --smoke

for t in tests/corpus/*.sh; do
  [ -e "$t" ] || continue
  step "corpus: $t"
  "$t"
done

step "wasm builds and the Catch2 suite under node"
tools/build-wasm.sh
# A build tree configured without tests (by hand) must not skip them here.
cmake --preset wasm -DQUOTELINE_TESTS=ON >/dev/null
cmake --build --preset wasm --target unit_tests
ctest --preset wasm

step "node: API, CLI against the native CLI, standalone script, packed tarball"
node --test tests/node/

step "browser: the viewer and the demo pages in headless Chromium"
node --test --test-concurrency=1 tests/e2e/*.test.mjs
