import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: the extension's logic (with WXT's fake browser and fake-indexeddb)
// and the sandbox's servers. End-to-end tests have their own config.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.ts', 'tests/sandbox/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'node',
  },
});
