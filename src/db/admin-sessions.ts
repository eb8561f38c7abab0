import type { Db } from './connection.js';
import { type AdminUser, toAdminUser } from './admin-users.js';

/** A session, as the rest of the code sees it (decision 0092). */
export interface AdminSession {
  idHash: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export async function createAdminSession(
  db: Db,
  s: { idHash: string; adminUserId: number; csrfToken: string; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('admin_session')
    .values({
      id_hash: s.idHash,
      admin_user_id: s.adminUserId,
      csrf_token: s.csrfToken,
      created_at: s.now.toISOString(),
      expires_at: s.expiresAt.toISOString(),
      last_seen_at: s.now.toISOString(),
    })
    .execute();
}

/** The unexpired session with this hash and its (enabled) admin, in one query. */
export async function findActiveSession(
  db: Db,
  idHash: string,
  now: Date,
): Promise<{ session: AdminSession; user: AdminUser } | undefined> {
  const row = await db
    .selectFrom('admin_session as s')
    .innerJoin('admin_user as u', 'u.id', 's.admin_user_id')
    .selectAll('u')
    .select(['s.id_hash', 's.csrf_token', 's.created_at as session_created_at', 's.expires_at', 's.last_seen_at'])
    .where('s.id_hash', '=', idHash)
    .where('s.expires_at', '>', now.toISOString())
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { id_hash, csrf_token, session_created_at, expires_at, last_seen_at, ...user } = row;
  return {
    session: {
      idHash: id_hash,
      csrfToken: csrf_token,
      createdAt: session_created_at,
      expiresAt: expires_at,
      lastSeenAt: last_seen_at,
    },
    user: toAdminUser(user),
  };
}

/** Moves an active session's idle expiry forward. */
export async function touchSession(db: Db, idHash: string, now: Date, expiresAt: Date): Promise<void> {
  await db
    .updateTable('admin_session')
    .set({ last_seen_at: now.toISOString(), expires_at: expiresAt.toISOString() })
    .where('id_hash', '=', idHash)
    .execute();
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('admin_session').where('id_hash', '=', idHash).execute();
}

/** Ends every session of an admin, but the one given (after a password change or when disabled). */
export async function deleteSessionsOfUser(db: Db, adminUserId: number, keepIdHash?: string): Promise<number> {
  let q = db.deleteFrom('admin_session').where('admin_user_id', '=', adminUserId);
  if (keepIdHash) q = q.where('id_hash', '<>', keepIdHash);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const r = await db.deleteFrom('admin_session').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
