import { preact } from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { claimPackPlugin } from './src/build/claim-pack-plugin';

export default defineConfig({
  // WxtVitest does not copy wxt.config's vite plugins, so Preact is added here too.
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false }), claimPackPlugin(), WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/meta/**/*.test.ts'],
    environment: 'happy-dom',
  },
});
