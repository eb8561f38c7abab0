// Before migrations change an existing database (an upgrade), a verified backup of it as it was:
// a migration that goes wrong, or an upgrade that has to be undone, can then go back to that copy.

import { existsSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { migrations } from '../db/migrations/index.js';
import { type BackupResult, backupDatabase } from './backup.js';
import { backupPath } from './backup-files.js';
import { appliedMigrations, userTables } from './sqlite-inspect.js';

export interface PreMigrationBackup extends BackupResult {
  /** The migrations about to be applied. */
  pending: string[];
}

/** The code's migrations not yet recorded in the database at `path`, and whether it has any table. */
function pendingMigrations(path: string): { pending: string[]; hasTables: boolean } {
  const sqlite = new SQLite(path, { fileMustExist: true, timeout: 5000 });
  try {
    const applied = appliedMigrations(sqlite) ?? [];
    return {
      pending: Object.keys(migrations).filter((m) => !applied.includes(m)),
      hasTables: userTables(sqlite).length > 0,
    };
  } finally {
    sqlite.close();
  }
}

/**
 * Backs up the database into `backupDir` when migrations are pending and it already has tables
 * (a new, empty database has nothing to lose). Returns the backup, or null when none was needed.
 * Throws (OpsError) when the backup fails: the caller must then not migrate.
 */
export async function backupBeforeMigrations(opts: {
  databasePath: string;
  backupDir: string;
  now: Date;
  timeZone: string;
}): Promise<PreMigrationBackup | null> {
  if (opts.databasePath === ':memory:' || !existsSync(opts.databasePath)) return null;
  const { pending, hasTables } = pendingMigrations(opts.databasePath);
  if (pending.length === 0 || !hasTables) return null;
  const result = await backupDatabase(
    opts.databasePath,
    backupPath(opts.backupDir, 'pre-migrate', opts.now, opts.timeZone),
  );
  return { ...result, pending };
}
