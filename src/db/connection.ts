import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export class DatabaseOpenError extends Error {}

/** Opens (creating if needed) the SQLite file with the pragmas the product relies on. */
export function openDatabase(path: string): { db: Db; sqlite: SQLite.Database } {
  let sqlite: SQLite.Database;
  try {
    if (path !== ':memory:') {
      const dir = dirname(resolve(path));
      if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
    }
    sqlite = new SQLite(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // FULL: a report a focal point was told is stored must survive a power cut.
    sqlite.pragma('synchronous = FULL');
    sqlite.prepare('select count(*) from sqlite_master').get();
  } catch (error) {
    throw new DatabaseOpenError(
      `Không mở được cơ sở dữ liệu tại "${path}": ${(error as Error).message}`,
      { cause: error },
    );
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, sqlite };
}
