import type { Db } from './connection.js';
import type { AdminRole, AdminUser } from './schema.js';

export async function createAdminUser(
  db: Db,
  u: { username: string; displayName: string; passwordHash: string; role: AdminRole; blocId?: number | null },
): Promise<AdminUser> {
  return db
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
}

export async function findAdminByUsername(db: Db, username: string): Promise<AdminUser | undefined> {
  return db.selectFrom('admin_user').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function countAdmins(db: Db): Promise<number> {
  const row = await db.selectFrom('admin_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setAdminPassword(db: Db, id: number, passwordHash: string): Promise<void> {
  await db.updateTable('admin_user').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}
