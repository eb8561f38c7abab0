import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A SQLite file migrated once by the real migrations; each test database starts as a copy of it. */
    templateDbPath: string;
    /** The folder of the product built for this run (test/helpers/built.ts). */
    productBuildDir: string;
  }
}

let dir: string | undefined;
let buildDir: string | undefined;
const root = join(import.meta.dirname, '..');

/** Migrates one template database for the whole run: migrating per test cost ~0.1–0.3 s each, hundreds of times. */
export async function setup(project: TestProject): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'ktd-template-'));
  const path = join(dir, 'template.sqlite');
  const { db } = openDatabase(path);
  await migrateToLatest(db);
  // Closing checkpoints the WAL into the main file, so a plain copy of that one file is complete.
  await db.destroy();
  project.provide('templateDbPath', path);

  // The product built once (see test/helpers/built.ts). Inside node_modules so that the build's
  // imports of packages resolve to this checkout's packages, as the source's do.
  mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
  buildDir = mkdtempSync(join(root, 'node_modules', '.cache', 'ktd-test-build-'));
  await build({
    entryPoints: {
      main: join(root, 'src', 'main.ts'),
      cli: join(root, 'src', 'cli.ts'),
      deliver: join(root, 'test', 'delivery', 'fixtures', 'deliver.ts'),
    },
    outdir: buildDir,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node}`,
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  project.provide('productBuildDir', buildDir);
}

export async function teardown(): Promise<void> {
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
}
