#!/usr/bin/env bash
# Installs what the project needs and is missing: npm packages (with a Node 22
# binary from the registry's `node` package) and Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v npm >/dev/null 2>&1; then
  echo "npm is missing: install Node.js (20 or newer) with npm first." >&2
  exit 1
fi

if [ ! -x node_modules/.bin/node ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "› Installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "› Installing Chromium (Debian package)"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: install it, or set CHROMIUM_PATH to a Chromium or Chrome binary." >&2
    exit 1
  fi
fi
