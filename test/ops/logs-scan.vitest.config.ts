// The configuration of the log scan that scripts/test.sh runs after the main suite (the main
// configuration does not include *.scan.ts files, so the scan never runs before the logs exist).
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: join(import.meta.dirname, '../..'),
  test: {
    include: ['test/ops/logs-secret-scan.scan.ts'],
    setupFiles: ['test/setup.ts'],
  },
});
