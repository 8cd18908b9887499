import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Browser journeys: one real server + one Chromium per file. Two files run at once (each has its
// own port and DATA_DIR): a journey waits on its server and its browser in turn, and one file
// alone leaves about a quarter of the two cores idle. FY_E2E_WORKERS=1 runs them one by one.
const workers = Number(process.env.FY_E2E_WORKERS ?? 2);
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: workers > 1,
    maxWorkers: workers,
    pool: 'forks',
    reporters: ['default'],
  },
});
