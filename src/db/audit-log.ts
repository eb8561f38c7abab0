import type { Db } from './connection.js';

export interface AuditEntry {
  at: Date;
  actor: string;
  adminUserId?: number | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  blocId?: number | null;
  details?: unknown;
}

/** Records who changed what; call in the same transaction as the change. */
export async function writeAudit(db: Db, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: e.at.toISOString(),
      actor: e.actor,
      admin_user_id: e.adminUserId ?? null,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
      bloc_id: e.blocId ?? null,
      details: e.details === undefined ? null : JSON.stringify(e.details),
    })
    .execute();
}

export async function listAudit(db: Db, opts: { blocId?: number; limit?: number } = {}) {
  let q = db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(opts.limit ?? 100);
  if (opts.blocId !== undefined) q = q.where('bloc_id', '=', opts.blocId);
  return q.execute();
}
