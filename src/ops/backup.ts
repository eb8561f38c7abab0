// A verified copy of the live database, taken while the product runs and writes. SQLite's online
// backup API copies the pages inside one read transaction opened before the first page, so the copy
// is the database as of one instant and the rows counted in that same snapshot must all be in it
// (docs/decisions/0060-online-backup-in-one-snapshot.md). The copy is written under a temporary
// name, switched to a single self-contained file (no -wal), checked, and only then given its name.

import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { OPS_MESSAGES as M, OpsError } from './messages.js';
import { integrityCheck, tableRowCounts } from './sqlite-inspect.js';

export interface BackupResult {
  /** Absolute path of the verified copy. */
  path: string;
  /** Rows per table in the copy, equal to the source's at the instant the copy was taken. */
  tables: Record<string, number>;
}

/** Pages copied per step: small steps let the server's event loop run between them. */
const PAGES_PER_STEP = 256;

/** Copies the database file at sourcePath into destPath (which must not exist) and verifies the copy. */
export async function backupDatabase(sourcePath: string, destPath: string): Promise<BackupResult> {
  if (sourcePath === ':memory:') throw new OpsError(M.memoryDatabase);
  if (!existsSync(sourcePath)) throw new OpsError(M.noDatabase(sourcePath));
  // A connection of its own: the snapshot transaction must not capture the server's writes.
  let source: SQLite.Database | undefined;
  try {
    source = new SQLite(sourcePath, { fileMustExist: true, timeout: 5000 });
    source.prepare('select count(*) from sqlite_master').get(); // SQLite opens the file lazily: read now
  } catch (error) {
    source?.close();
    // The database, not the destination: e.g. its folder is read-only for this user (SQLite must
    // create the -shm file beside a WAL database to read it) or a folder stands at DATABASE_PATH.
    throw new OpsError(M.sourceUnreadable(sourcePath, (error as Error).message));
  }
  try {
    return await backupFromConnection(source, destPath);
  } finally {
    source.close();
  }
}

/** The same from an open connection that is not inside a transaction (restore holds one with a lock). */
export async function backupFromConnection(source: SQLite.Database, destPath: string): Promise<BackupResult> {
  const dest = resolve(destPath);
  if (existsSync(dest)) throw new OpsError(M.destinationExists(dest));
  const partial = join(dirname(dest), `.${basename(dest)}.partial`);
  try {
    // Inside the try: a folder that cannot be made (read-only, a file in the way) gets the operator's message.
    mkdirSync(dirname(dest), { recursive: true });
    removeWithSidecars(partial);
    source.exec('begin');
    let counted: Record<string, number>;
    try {
      counted = tableRowCounts(source); // the first read fixes the snapshot the backup then copies
      await source.backup(partial, { progress: () => PAGES_PER_STEP });
    } finally {
      source.exec('commit');
    }
    const tables = verifyCopy(partial, dest, counted);
    renameSync(partial, dest);
    return { path: dest, tables };
  } catch (error) {
    try {
      removeWithSidecars(partial);
    } catch {
      // The folder itself is unusable (not a folder, gone): nothing could be written there.
    }
    if (error instanceof OpsError) throw error;
    throw new OpsError(M.backupFailed(dest, (error as Error).message));
  }
}

/** Makes the copy one file (rollback journal), then checks its integrity and its row counts. */
function verifyCopy(partial: string, dest: string, counted: Record<string, number>): Record<string, number> {
  const copy = new SQLite(partial, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const check = integrityCheck(copy);
    if (check !== 'ok') throw new OpsError(M.copyNotIntact(dest, check));
    const tables = tableRowCounts(copy);
    for (const name of new Set([...Object.keys(counted), ...Object.keys(tables)])) {
      if (counted[name] !== tables[name])
        throw new OpsError(M.countsDiffer(name, counted[name] ?? 0, tables[name] ?? 0));
    }
    return tables;
  } finally {
    copy.close();
  }
}

/** Deletes a database file and whatever journal files SQLite may have left beside it. */
export function removeWithSidecars(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}
