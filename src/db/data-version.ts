import { sql } from 'kysely';
import type { Db } from './connection.js';

/**
 * A value that changes whenever the database may have changed: the rows this connection has
 * written since it opened (total_changes) and SQLite's counter of commits by other connections
 * (data_version, e.g. the CLI). Equal values mean nothing was written in between.
 */
export async function databaseVersion(db: Db): Promise<string> {
  const r = await sql<{
    t: number;
    v: number;
  }>`select total_changes() as t, (select data_version from pragma_data_version()) as v`.execute(db);
  const row = r.rows[0]!;
  return `${row.v}:${row.t}`;
}
