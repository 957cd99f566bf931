#!/usr/bin/env bash
# Installs what the build and the tests need on a Debian 12 machine, only
# when something is missing: Debian packages with apt, npm packages from the
# committed lockfile. Quiet and idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
need_cmd() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }
need_pkg() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" || missing+=("$1")
}
# Commands first: node may come from another Debian repository (nodesource
# bundles npm), so ask for the command, not for Debian's package name.
need_cmd cmake cmake
need_cmd g++ g++
need_cmd make make
need_cmd python3 python3
need_cmd node nodejs
need_cmd npm npm
need_cmd em++ emscripten
need_cmd wasm-opt binaryen
need_cmd clang++ clang
need_cmd clang-format clang-format
need_cmd chromium chromium
need_cmd brotli brotli
need_cmd gzip gzip
need_pkg catch2
need_pkg libclang-rt-14-dev

if ((${#missing[@]})); then
  echo "deps: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

# npm ci only when the lockfile changed since the last install.
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "deps: npm ci"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
