import { sql } from 'kysely';
import type { Db } from './connection.js';

/** The database's file as SQLite opened it, or null for an in-memory database. */
export async function databaseFile(db: Db): Promise<string | null> {
  const rows = await sql<{ name: string; file: string }>`pragma database_list`.execute(db);
  const main = rows.rows.find((r) => r.name === 'main');
  return main?.file ? main.file : null;
}
