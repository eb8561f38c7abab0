import type { Db } from './connection.js';
import type { AuditLogRow } from './schema.js';

/** A recorded audit entry, as the rest of the code sees it (decision 0092). */
export interface AuditLogEntry {
  id: number;
  /** ISO instant. */
  at: string;
  adminUserId: number | null;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  blocId: number | null;
  /** The details as recorded (JSON text), or null. */
  details: string | null;
}

export function toAuditLogEntry(row: AuditLogRow): AuditLogEntry {
  return {
    id: row.id,
    at: row.at,
    adminUserId: row.admin_user_id,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    blocId: row.bloc_id,
    details: row.details,
  };
}

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

export async function listAudit(db: Db, opts: { blocId?: number; limit?: number } = {}): Promise<AuditLogEntry[]> {
  let q = db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(opts.limit ?? 100);
  if (opts.blocId !== undefined) q = q.where('bloc_id', '=', opts.blocId);
  return (await q.execute()).map(toAuditLogEntry);
}
