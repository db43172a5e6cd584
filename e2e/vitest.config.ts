import { defineConfig } from 'vitest/config';

/** Browser tests: one file at a time (each starts Chromium), generous timeouts on a busy machine. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/build-web.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
