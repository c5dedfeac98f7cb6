#!/usr/bin/env bash
# Set up and run the assistant against the local Spacelift sandbox.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
export PATH="$PWD/node_modules/.bin:$PATH"
wxt build >/dev/null
exec tsx scripts/demo.ts "$@"
