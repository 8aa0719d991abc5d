import { defineConfig } from 'vitest/config';

// End-to-end tests drive the BUILT extension (.output/chrome-mv3) in real Chromium; run `wxt build` first.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // One browser at a time: the machine has two cores and each Chromium wants both.
    fileParallelism: false,
  },
});
