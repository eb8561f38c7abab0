import type { Db } from './connection.js';

export async function recordLoginAttempt(
  db: Db,
  a: { username: string; ip: string | null; at: Date; succeeded: boolean },
): Promise<void> {
  await db
    .insertInto('login_attempt')
    .values({ username: a.username, ip: a.ip, at: a.at.toISOString(), succeeded: a.succeeded ? 1 : 0 })
    .execute();
}

/**
 * Instants of the failed attempts since `since` for the account (after its last successful login)
 * or from the address, oldest first.
 */
export async function recentFailures(db: Db, by: { username: string } | { ip: string }, since: Date): Promise<Date[]> {
  let q = db.selectFrom('login_attempt').select('at').where('succeeded', '=', 0).where('at', '>=', since.toISOString());
  if ('username' in by) {
    const lastSuccess = await db
      .selectFrom('login_attempt')
      .select((eb) => eb.fn.max('at').as('at'))
      .where('username', '=', by.username)
      .where('succeeded', '=', 1)
      .executeTakeFirst();
    q = q.where('username', '=', by.username);
    if (lastSuccess?.at) q = q.where('at', '>', lastSuccess.at);
  } else {
    q = q.where('ip', '=', by.ip);
  }
  const rows = await q.orderBy('at').execute();
  return rows.map((r) => new Date(r.at));
}

/** Forgets attempts older than `before` (they no longer count for anything). */
export async function pruneLoginAttempts(db: Db, before: Date): Promise<number> {
  const r = await db.deleteFrom('login_attempt').where('at', '<', before.toISOString()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
