import { defineConfig } from 'vitest/config';

// The Firefox end-to-end suite drives the BUILT add-on (.output/firefox-mv2) in Firefox ESR over
// WebDriver BiDi; run `wxt build -b firefox` first (npm run test:firefox does).
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Firefox's first start in a fresh profile takes ~20 s on two cores.
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
