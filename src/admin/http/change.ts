// Every change an admin makes runs in one transaction with its audit-log entry.

import type { Context } from 'hono';
import { type AuditEntry, writeAudit } from '../../db/audit-log.js';
import type { Db } from '../../db/connection.js';
import { currentAdmin } from '../auth/access.js';
import type { AdminEnv } from '../env.js';

export type AuditNote = Omit<AuditEntry, 'at' | 'actor' | 'adminUserId'>;

/**
 * Runs `change` in a transaction and records who did what in the same transaction: the change and
 * its audit entry are stored together or not at all.
 */
export async function applyChange<T>(
  c: Context<AdminEnv>,
  change: (trx: Db, audit: (note: AuditNote) => Promise<void>) => Promise<T>,
): Promise<T> {
  const admin = currentAdmin(c);
  const deps = c.get('deps');
  const at = deps.now();
  return deps.db
    .transaction()
    .execute((trx) =>
      change(trx, (note) => writeAudit(trx, { ...note, at, actor: admin.username, adminUserId: admin.id })),
    );
}
