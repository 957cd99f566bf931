#!/usr/bin/env bash
# Installs what the build and the tests need on a Debian 12 machine, only
# when something is missing: Debian packages with apt, npm packages from the
# committed lockfile. Quiet and idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ make python3 nodejs npm catch2 emscripten binaryen clang libclang-rt-14-dev
          chromium brotli)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "deps: installing ${missing[*]}"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
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
