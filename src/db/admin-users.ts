import type { Db } from './connection.js';
import type { AdminRole, AdminUserRow } from './schema.js';

/** An admin account, as the rest of the code sees it (decision 0092). */
export interface AdminUser {
  id: number;
  username: string;
  displayName: string;
  passwordHash: string;
  role: AdminRole;
  blocId: number | null;
  /** Instant the account was disabled (ISO string as stored), or null while enabled. */
  disabledAt: string | null;
  createdAt: string;
}

export function toAdminUser(row: AdminUserRow): AdminUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    role: row.role,
    blocId: row.bloc_id,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
  };
}

export async function createAdminUser(
  db: Db,
  u: { username: string; displayName: string; passwordHash: string; role: AdminRole; blocId?: number | null },
): Promise<AdminUser> {
  const row = await db
    .insertInto('admin_user')
    .values({
      username: u.username,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      role: u.role,
      bloc_id: u.blocId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAdminUser(row);
}

export async function findAdminByUsername(db: Db, username: string): Promise<AdminUser | undefined> {
  const row = await db.selectFrom('admin_user').selectAll().where('username', '=', username).executeTakeFirst();
  return row && toAdminUser(row);
}

export async function countAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('admin_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setAdminPassword(db: Db, id: number, passwordHash: string): Promise<void> {
  await db.updateTable('admin_user').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}

export async function getAdminUser(db: Db, id: number): Promise<AdminUser | undefined> {
  const row = await db.selectFrom('admin_user').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toAdminUser(row);
}

/** Every admin account (of one bloc when blocId is given), by username. */
export async function listAdminUsers(db: Db, opts: { blocId?: number } = {}): Promise<AdminUser[]> {
  let q = db.selectFrom('admin_user').selectAll().orderBy('username');
  if (opts.blocId !== undefined) q = q.where('bloc_id', '=', opts.blocId);
  return (await q.execute()).map(toAdminUser);
}

export async function updateAdminUser(
  db: Db,
  id: number,
  u: { displayName: string; role: AdminRole; blocId: number | null },
): Promise<void> {
  await db
    .updateTable('admin_user')
    .set({ display_name: u.displayName, role: u.role, bloc_id: u.blocId })
    .where('id', '=', id)
    .execute();
}

/** Disables (at a time) or re-enables (null) an account. */
export async function setAdminDisabled(db: Db, id: number, disabledAt: string | null): Promise<void> {
  await db.updateTable('admin_user').set({ disabled_at: disabledAt }).where('id', '=', id).execute();
}

/** Enabled province admins: the last one cannot be disabled or demoted. */
export async function countActiveProvinceAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('admin_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'province_admin')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
