import { defineConfig } from 'vitest/config';

// End-to-end: real Chromium, the built extension (.output/chrome-mv3) and the sandbox.
// One file at a time: each launches its own Chromium, and this machine has 2 cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    retry: 0,
  },
});
