#!/usr/bin/env bash
# `make package`: builds the wasm modules, assembles web/dist and packs the
# npm package into dist/quoteline-<version>.tgz. Prints the shipped sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
export EM_CLOSURE_COMPILER="$PWD/node_modules/.bin/google-closure-compiler"

tools/build-wasm.sh
mkdir -p dist
version=$(node -p "require('./web/package.json').version")
rm -f "dist/quoteline-$version.tgz"
npm pack ./web --pack-destination dist --loglevel=error >/dev/null
echo "package: dist/quoteline-$version.tgz"
