// The product built once per run by test/global-setup.ts (esbuild, the compiler tsx itself uses):
// a test that exercises the product's process spawns `node` on this build instead of transforming
// the TypeScript again through tsx at every start (about 2–3 s of CPU each). Tests of the commands
// themselves (`npm start`, the unit's ExecStart, the deploy scripts) still run them as written.
import { join } from 'node:path';
import { inject } from 'vitest';

/** The built entry point for src/main.ts ('main'), src/cli.ts ('cli') or test/delivery/fixtures/deliver.ts ('deliver'). */
export function builtEntry(name: 'main' | 'cli' | 'deliver'): string {
  return join(inject('productBuildDir'), `${name}.js`);
}
