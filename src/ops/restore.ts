// Puts a backup in place of the database. Order: check the candidate (refusal changes nothing),
// take an exclusive lock on the current database (refused while the service has it open), back it
// up, then swap the checked copy in with a rename in the same folder, so the database path always
// holds either the old file or the whole new one (docs/decisions/0062-restore.md).

import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { backupFromConnection, removeWithSidecars } from './backup.js';
import { backupPath } from './backup-files.js';
import { OPS_MESSAGES as M, OpsError } from './messages.js';
import { stageCandidate } from './restore-check.js';

export interface RestoreOptions {
  databasePath: string;
  backupDir: string;
  now: Date;
  timeZone: string;
}

export interface RestoreResult {
  /** The verified copy of the database as it was before the restore (null when there was none). */
  previousBackup: string | null;
  /** Rows per table of the restored database. */
  tables: Record<string, number>;
}

/**
 * Opens the database and keeps an exclusive lock on it until closed. A server (or any process)
 * holding it open keeps a shared lock in WAL mode, so this fails at once while the service runs.
 */
function lockExclusively(path: string): SQLite.Database {
  const conn = new SQLite(path, { fileMustExist: true, timeout: 500 });
  try {
    conn.pragma('locking_mode = EXCLUSIVE');
    conn.exec('begin exclusive');
    conn.exec('commit'); // in EXCLUSIVE locking mode the lock stays after the commit
    return conn;
  } catch (error) {
    conn.close();
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new OpsError(M.databaseInUse(path));
    throw new OpsError(M.currentUnreadable(path, (error as Error).message));
  }
}

function fsyncFolder(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Replaces the database at opts.databasePath with the backup at candidatePath, or refuses with OpsError. */
export async function restoreDatabase(candidatePath: string, opts: RestoreOptions): Promise<RestoreResult> {
  if (opts.databasePath === ':memory:') throw new OpsError(M.memoryDatabase);
  const database = resolve(opts.databasePath);
  const candidate = resolve(candidatePath);
  if (!existsSync(candidate) || !statSync(candidate).isFile()) throw new OpsError(M.candidateMissing(candidate));
  if (candidate === database) throw new OpsError(M.candidateIsCurrent(candidate));

  const { staged, tables } = await stageCandidate(candidate, database);
  try {
    let previousBackup: string | null = null;
    if (existsSync(database)) {
      const current = lockExclusively(database);
      try {
        const dest = backupPath(opts.backupDir, 'pre-restore', opts.now, opts.timeZone);
        previousBackup = (await backupFromConnection(current, dest)).path;
      } catch (error) {
        // The copy could not be written (full or read-only BACKUP_DIR): say that, not "the file may be damaged".
        if (error instanceof OpsError) throw new OpsError(M.preRestoreBackupFailed(error.message));
        throw new OpsError(M.currentUnreadable(database, (error as Error).message));
      } finally {
        current.close(); // the last connection: its -wal is folded into the old file and deleted
      }
    }
    renameSync(staged, database);
    // Journal files left by a crash belong to the old file and must not be replayed into the new one.
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${database}${suffix}`, { force: true });
    fsyncFolder(dirname(database));
    return { previousBackup, tables };
  } finally {
    removeWithSidecars(staged);
  }
}
