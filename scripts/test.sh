#!/usr/bin/env bash
# The whole suite: install what is missing, type-check, build for Chrome and
# Firefox, run unit tests, then end-to-end tests in real Chromium.
# Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
rm -f .tmp/unit.json .tmp/e2e.json

bash scripts/ensure-deps.sh || { echo "0 passed, 1 failed"; exit 1; }
export PATH="$PWD/node_modules/.bin:$PATH"   # Node 22 from the `node` package

# Checks that produce no test report (type-check, builds) count as one failure each.
check_failures=0
check() {
  local name=$1; shift
  echo "› $name"
  if ! "$@"; then echo "✗ $name failed"; check_failures=$((check_failures + 1)); fi
}

check "type-check" tsc --noEmit
check "build (firefox)" wxt build -b firefox
check "build (chrome)" wxt build

echo "› unit tests"
vitest run --reporter=default --reporter=json --outputFile.json=.tmp/unit.json
if [ -f .output/chrome-mv3/manifest.json ]; then
  echo "› end-to-end tests"
  vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json=.tmp/e2e.json
fi

node scripts/summarize-tests.mjs "$check_failures" .tmp/unit.json .tmp/e2e.json
