import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type Db, openDatabase } from '../../src/db/connection.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export interface TestDb {
  db: Db;
  path: string;
  close(): Promise<void>;
}

/**
 * A real SQLite file in a temporary folder, migrated with the real migrations: a copy of the
 * template that test/global-setup.ts migrated once for the run. The migrator still runs on the
 * copy (a no-op when the template is current), so a stale template can never hide a migration.
 */
export async function createTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), 'ktd-test-'));
  const path = join(dir, 'test.sqlite');
  const template = templatePath();
  if (template) copyFileSync(template, path);
  const { db } = openDatabase(path);
  await migrateToLatest(db);
  return {
    db,
    path,
    async close() {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The run's template, or undefined under a vitest config without the global setup (the log scan). */
function templatePath(): string | undefined {
  let path: string | undefined;
  try {
    path = inject('templateDbPath');
  } catch {
    return undefined;
  }
  return path && existsSync(path) ? path : undefined;
}
