import { hashPassword } from '../../src/core/password.js';
import { createAdminUser } from '../../src/db/admin-users.js';
import type { Db } from '../../src/db/connection.js';
import type { AdminRole } from '../../src/db/schema.js';
import { TEST_ADMIN_PASSWORD } from '../helpers/secrets.js';

const hashes = new Map<string, string>();

/** An admin account with the shared test password (hashed once per password: scrypt is slow on purpose). */
export async function createAdmin(
  db: Db,
  u: { username: string; role: AdminRole; blocId?: number | null; password?: string },
) {
  const password = u.password ?? TEST_ADMIN_PASSWORD;
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return createAdminUser(db, {
    username: u.username,
    displayName: `Cán bộ ${u.username}`,
    passwordHash: hash,
    role: u.role,
    blocId: u.blocId ?? null,
  });
}
