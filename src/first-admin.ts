import { countAdmins, createAdminUser } from './db/admin-users.js';
import { writeAudit } from './db/audit-log.js';
import type { Db } from './db/connection.js';
import { hashPassword } from './core/password.js';

/** Creates the first province admin from configuration when the deployment has no admin yet. */
export async function ensureFirstAdmin(
  db: Db,
  firstAdmin: { username: string; password: string } | undefined,
  now: Date,
): Promise<'created' | 'exists' | 'not-configured'> {
  if ((await countAdmins(db)) > 0) return 'exists';
  if (!firstAdmin) return 'not-configured';
  await db.transaction().execute(async (trx) => {
    const user = await createAdminUser(trx, {
      username: firstAdmin.username,
      displayName: 'Quản trị viên',
      passwordHash: hashPassword(firstAdmin.password),
      role: 'province_admin',
    });
    await writeAudit(trx, {
      at: now,
      actor: 'system',
      action: 'admin.create',
      entity: 'admin_user',
      entityId: user.id,
      details: { username: user.username, from: 'config' },
    });
  });
  return 'created';
}
