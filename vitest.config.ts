import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // test files share a worker's modules: each file still opens its own database copy and app,
    // and no test mocks a module; importing the app once per worker instead of once per file
    // halves the suite
    isolate: false,
  },
});
