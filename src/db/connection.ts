import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  type DatabaseConnection,
  type Driver,
  Kysely,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export class DatabaseOpenError extends Error {}

/**
 * SQLite ends a transaction by itself on some errors (a full disk, an I/O error). Kysely then
 * rolls back again, which fails with "cannot rollback - no transaction is active" and replaces the
 * real error in the logs and in what the user is told. Roll back only what is still open.
 */
class RollbackOnlyIfOpenDriver extends SqliteDriver {
  readonly #sqlite: SQLite.Database;

  constructor(config: SqliteDialectConfig, sqlite: SQLite.Database) {
    super(config);
    this.#sqlite = sqlite;
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.#sqlite.inTransaction) return;
    await super.rollbackTransaction(connection);
  }
}

class ProductSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #sqlite: SQLite.Database;

  constructor(sqlite: SQLite.Database) {
    const config = { database: sqlite };
    super(config);
    this.#config = config;
    this.#sqlite = sqlite;
  }

  override createDriver(): Driver {
    return new RollbackOnlyIfOpenDriver(this.#config, this.#sqlite);
  }
}

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
    throw new DatabaseOpenError(`Không mở được cơ sở dữ liệu tại "${path}": ${(error as Error).message}`, {
      cause: error,
    });
  }
  const db = new Kysely<Database>({ dialect: new ProductSqliteDialect(sqlite) });
  return { db, sqlite };
}
