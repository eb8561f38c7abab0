import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './test/sequencer.js';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx' } },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // vitest's default on two cores is one worker; much of the suite waits on processes, browsers and
    // LibreOffice, so a second worker keeps both cores busy.
    maxWorkers: 2,
    // Test files share a worker's loaded modules instead of importing the app anew each time (the
    // suite spent a third of its CPU importing). Tests keep no module state between files: each
    // opens its own database copy, app, bot and clock.
    isolate: false,
    // The long files first, so the two workers finish together (test/sequencer.ts).
    sequence: { sequencer: LongestFirstSequencer },
  },
});
