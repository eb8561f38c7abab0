// Shared by the backup and restore tests: product databases in a temporary folder, closed so that
// restore can take its lock, and a fingerprint of a folder to show that a refusal changed nothing.

import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Migrator } from 'kysely';
import { openDatabase } from '../../src/db/connection.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { migrations } from '../../src/db/migrations/index.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';

const dirs: string[] = [];

/** A new temporary folder, removed by cleanupDirs(). */
export function tempDir(prefix = 'ktd-ops-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

export function cleanupDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A fully migrated product database at `path` with a bloc of `units` units; the connection is closed. */
export async function createProductDb(path: string, units = 3, name?: string): Promise<SmallBloc> {
  const { db } = openDatabase(path);
  await migrateToLatest(db);
  const bloc = await createSmallBloc(db, { units, name });
  await db.destroy();
  return bloc;
}

/** A database migrated only up to the first `count` migrations of the code (an older version's). */
export async function createOlderDb(path: string, count: number): Promise<void> {
  const { db } = openDatabase(path);
  const first = Object.fromEntries(Object.entries(migrations).slice(0, count));
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => first } }).migrateToLatest();
  if (error) throw error;
  await db.destroy();
}

/** Names and SHA-256 of every file in the folder (recursively): equal before and after means nothing changed. */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else out[`${prefix}${name}`] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir, '');
  return out;
}

/** Runs a query on a database file, read-only (a backup stays as it was), and closes it again. */
export function query<T>(path: string, sql: string): T[] {
  const sqlite = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    return sqlite.prepare(sql).all() as T[];
  } finally {
    sqlite.close();
  }
}
