import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, openDatabase } from '../../src/db/connection.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export interface TestDb {
  db: Db;
  path: string;
  close(): Promise<void>;
}

/** A real SQLite file in a temporary folder, migrated with the real migrations. */
export async function createTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), 'ktd-test-'));
  const path = join(dir, 'test.sqlite');
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
