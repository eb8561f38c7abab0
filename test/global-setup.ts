import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A SQLite file migrated once by the real migrations; each test database starts as a copy of it. */
    templateDbPath: string;
  }
}

let dir: string | undefined;

/** Migrates one template database for the whole run: migrating per test cost ~0.1–0.3 s each, hundreds of times. */
export async function setup(project: TestProject): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'ktd-template-'));
  const path = join(dir, 'template.sqlite');
  const { db } = openDatabase(path);
  await migrateToLatest(db);
  // Closing checkpoints the WAL into the main file, so a plain copy of that one file is complete.
  await db.destroy();
  project.provide('templateDbPath', path);
}

export async function teardown(): Promise<void> {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
