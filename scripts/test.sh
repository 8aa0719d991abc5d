#!/usr/bin/env bash
# Every check, in the order a failure is cheapest to find. Used by `npm test` and .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# puppeteer-core drives the system Firefox ESR; it never downloads a browser.
export PUPPETEER_SKIP_DOWNLOAD=1
mkdir -p test-results

step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

step "Chromium and Firefox"
npx tsx scripts/ensure-chromium.ts
npx tsx scripts/ensure-firefox.ts
step "Types (wxt prepare + tsc)"
npx wxt prepare >/dev/null
npx tsc --noEmit -p .
step "Lint and format (biome)"
npx biome ci .
step "Claim pack"
npx tsx scripts/claims-check.ts --quiet
step "Unit tests"
unit=0; npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json || unit=$?
step "Build (chrome-mv3, firefox-mv2)"
npx wxt build
npx wxt build -b firefox >/dev/null
npx web-ext lint --source-dir .output/firefox-mv2 --self-hosted 2>&1 | tail -n 4
step "End-to-end tests (built extension in Chromium)"
e2e=0; npx vitest run -c vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json=test-results/e2e.json || e2e=$?
step "End-to-end tests (built add-on in Firefox ESR, WebDriver BiDi)"
firefox=0; npx vitest run -c vitest.firefox.config.ts --reporter=default --reporter=json --outputFile.json=test-results/e2e-firefox.json || firefox=$?
step "Summary"
node scripts/lib/summarize-tests.mjs test-results/unit.json test-results/e2e.json test-results/e2e-firefox.json
[ "$unit" -eq 0 ] && [ "$e2e" -eq 0 ] && [ "$firefox" -eq 0 ]
