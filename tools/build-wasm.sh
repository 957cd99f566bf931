#!/usr/bin/env bash
# `make wasm`: the three Emscripten builds of the core (build-wasm/web) and
# web/dist assembled from them, with the classic standalone bundle.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
export EM_CLOSURE_COMPILER="$PWD/node_modules/.bin/google-closure-compiler"

cmake --preset wasm >/dev/null
cmake --build --preset wasm --target quoteline_web quoteline_node quoteline_single
node web/scripts/build.mjs build-wasm/web
node bench/size.mjs
