// Questions asked of a SQLite file before trusting it as a backup or a restore: is it SQLite at all,
// is it intact, which tables and how many rows, which migrations were applied.

import { closeSync, openSync, readSync } from 'node:fs';
import type SQLite from 'better-sqlite3';
import { openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** True iff the file starts with SQLite's 16-byte header string. */
export function hasSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(MAGIC.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(MAGIC);
  } finally {
    closeSync(fd);
  }
}

/** The names of the user tables (SQLite's own and none else excluded), sorted. */
export function userTables(sqlite: SQLite.Database): string[] {
  return (
    sqlite
      .prepare(
        `select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name`,
      )
      .all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

/** Rows per user table, read in whatever transaction the connection is in. */
export function tableRowCounts(sqlite: SQLite.Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of userTables(sqlite)) {
    const row = sqlite.prepare(`select count(*) as n from "${name.replaceAll('"', '""')}"`).get() as { n: number };
    counts[name] = row.n;
  }
  return counts;
}

/** 'ok', or the first problems integrity_check lists. */
export function integrityCheck(sqlite: SQLite.Database): string {
  const lines = (sqlite.pragma('integrity_check(10)') as { integrity_check: string }[]).map((r) => r.integrity_check);
  return lines.length === 1 && lines[0] === 'ok' ? 'ok' : lines.join('; ');
}

/** The migrations recorded in the file, or null when it has no migration table. */
export function appliedMigrations(sqlite: SQLite.Database): string[] | null {
  if (!userTables(sqlite).includes('kysely_migration')) return null;
  return (sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map(
    (r) => r.name,
  );
}

let expected: Promise<string[]> | undefined;

/** The tables the code's migrations create, found by migrating an empty in-memory database once. */
export function expectedTables(): Promise<string[]> {
  expected ??= (async () => {
    const { db, sqlite } = openDatabase(':memory:');
    try {
      await migrateToLatest(db);
      return userTables(sqlite);
    } finally {
      await db.destroy();
    }
  })();
  return expected;
}
