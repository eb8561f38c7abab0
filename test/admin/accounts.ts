import { hashPassword } from '../../src/core/password.js';
import { createAdminUser } from '../../src/db/admin-users.js';
import type { Db } from '../../src/db/connection.js';
import type { AdminRole } from '../../src/db/schema.js';
import { TEST_ADMIN_PASSWORD } from '../helpers/secrets.js';

const hashes = new Map<string, string>();

/** scrypt at 1/32 of the product's work: verifying reads the cost from the hash, so every test login is cheap. */
const TEST_PASSWORD_COST = { N: 2 ** 10, r: 8, p: 1 };

/** An admin account with the shared test password (hashed once per password). */
export async function createAdmin(
  db: Db,
  u: { username: string; role: AdminRole; blocId?: number | null; password?: string },
) {
  const password = u.password ?? TEST_ADMIN_PASSWORD;
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password, TEST_PASSWORD_COST);
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
