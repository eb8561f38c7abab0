// Is a file a valid, fully migrated database of this product? The candidate is copied beside the
// database and only the copy is opened (SQLite may write journal files next to what it opens, and
// a refused restore must leave everything as it was); the checked copy is what restore puts in place.

import { closeSync, copyFileSync, existsSync, fstatSync, mkdirSync, openSync, readSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { migrations } from '../db/migrations/index.js';
import { removeWithSidecars } from './backup.js';
import { OPS_MESSAGES as M, OpsError } from './messages.js';
import {
  appliedMigrations,
  expectedTables,
  hasSqliteHeader,
  integrityCheck,
  tableRowCounts,
  userTables,
} from './sqlite-inspect.js';

/** The header's page count times page size is more than the file holds: the file was cut short. */
function isTruncated(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(100);
    if (readSync(fd, header, 0, 100, 0) < 100) return true;
    const rawPageSize = header.readUInt16BE(16);
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
    const pages = header.readUInt32BE(28);
    // The page count is only meaningful when the change counter matches "version-valid-for".
    const countValid = header.readUInt32BE(24) === header.readUInt32BE(92);
    return countValid && pages * pageSize > fstatSync(fd).size;
  } finally {
    closeSync(fd);
  }
}

/** Refuses (OpsError) unless the candidate is SQLite, whole, intact and migrated exactly as this code. */
export async function stageCandidate(
  candidate: string,
  databasePath: string,
): Promise<{ staged: string; tables: Record<string, number> }> {
  if (!hasSqliteHeader(candidate)) throw new OpsError(M.notSqlite(candidate));
  if (isTruncated(candidate))
    throw new OpsError(M.damaged(candidate, 'tệp bị cắt cụt, ngắn hơn kích thước ghi trong phần đầu tệp'));
  const staged = join(dirname(databasePath), `.${basename(databasePath)}.restoring`);
  try {
    mkdirSync(dirname(databasePath), { recursive: true });
    removeWithSidecars(staged);
    copyFileSync(candidate, staged);
    // A copy taken from a running database with `cp` may hold its last changes in the -wal file.
    if (existsSync(`${candidate}-wal`)) copyFileSync(`${candidate}-wal`, `${staged}-wal`);
  } catch (error) {
    // A read-only or full disk: the operator reads what to check, not a Node stack trace.
    removeWithSidecars(staged);
    throw new OpsError(M.cannotStage(dirname(databasePath), (error as Error).message));
  }
  try {
    const tables = await check(staged, candidate);
    return { staged, tables };
  } catch (error) {
    removeWithSidecars(staged);
    throw error;
  }
}

async function check(staged: string, candidate: string): Promise<Record<string, number>> {
  let copy: SQLite.Database;
  try {
    copy = new SQLite(staged, { fileMustExist: true });
  } catch (error) {
    throw new OpsError(M.damaged(candidate, (error as Error).message));
  }
  try {
    let integrity: string;
    try {
      copy.pragma('journal_mode = DELETE'); // one self-contained file, the -wal folded in
      integrity = integrityCheck(copy);
    } catch (error) {
      throw new OpsError(M.damaged(candidate, (error as Error).message));
    }
    if (integrity !== 'ok') throw new OpsError(M.damaged(candidate, integrity));
    const applied = appliedMigrations(copy);
    if (applied === null) throw new OpsError(M.foreign(candidate));
    const known = Object.keys(migrations);
    const unknown = applied.filter((name) => !known.includes(name));
    if (unknown.length > 0) throw new OpsError(M.newerVersion(candidate, unknown));
    const missing = known.filter((name) => !applied.includes(name));
    if (missing.length > 0) throw new OpsError(M.olderVersion(candidate, missing));
    const present = userTables(copy);
    const absent = (await expectedTables()).filter((t) => !present.includes(t));
    if (absent.length > 0) throw new OpsError(M.missingTables(candidate, absent));
    return tableRowCounts(copy);
  } finally {
    copy.close();
  }
}
