// The outbox as admins see and act on it: counts and failure reasons for the delivery page,
// resending a failed message, and cancelling what is queued for a group that was stopped. The
// delivery worker's own queries are in outbox.ts.

import { sql } from 'kysely';
import type { Db } from './connection.js';
import type { ChannelAddress } from './contact-addresses.js';
import { type OutboxMessage, toOutboxMessage } from './outbox.js';

/**
 * Fails the messages still queued for an address that no longer takes them (a group stopped by an
 * admin): that address on that channel only, as the same string may be another channel's address.
 */
export async function failQueuedOutboxForAddress(
  db: Db,
  to: ChannelAddress,
  reason: string,
  error: string,
): Promise<number> {
  const r = await db
    .updateTable('outbox_message')
    .set({ status: 'failed', failure_reason: reason, last_error: error, claimed_at: null })
    .where('channel', '=', to.channel)
    .where('address', '=', to.address)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * Sends a failed message again (the admin's "gửi lại" after the recipient pressed Start). It joins
 * its chat's line as a message of now: its old moment would put it ahead of, and hold back, what
 * was queued since, and would count it as unsent since then. A message that failed after some of
 * its parts went out goes on from the part that failed (parts_sent is kept): the recipient has the
 * others already. `notAfter` is its new sending window's end: a reminder's or an escalation's is
 * the end of the last day its period is taken (the caller computes it); other kinds have none.
 */
export async function requeueFailedOutbox(
  db: Db,
  id: number,
  now: Date,
  notAfter: Date | null = null,
): Promise<boolean> {
  const r = await db
    .updateTable('outbox_message')
    .set({
      status: 'queued',
      attempts: 0,
      next_attempt_at: now.toISOString(),
      available_at: now.toISOString(),
      failure_reason: null,
      last_error: null,
      not_after: notAfter?.toISOString() ?? null,
    })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The outbox kinds that ask for a period's report, and so are worth sending only while it is taken. */
export const PERIOD_BOUND_KINDS: ReadonlySet<string> = new Set(['reminder', 'escalation']);

/**
 * The period a reminder or an escalation asks about: the last part of its dedupe key
 * ('reminder:<stage>:<bloc>:<unit or chair>:<focal point>:<period>', src/jobs/reminders), else
 * the period of its report buttons; undefined when the row names none.
 */
export function periodKeyOfOutboxRow(row: Pick<OutboxMessage, 'dedupeKey' | 'message'>): string | undefined {
  const fromKey = /^reminder:.+:(\d{4}-(?:W\d{2}|\d{2}))$/.exec(row.dedupeKey)?.[1];
  if (fromKey) return fromKey;
  try {
    const m = JSON.parse(row.message) as { actions?: { periodKey?: unknown }[] } | null;
    const key = m?.actions?.find((a) => typeof a?.periodKey === 'string')?.periodKey;
    return typeof key === 'string' ? key : undefined;
  } catch {
    return undefined;
  }
}

export interface DeliveryStats {
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  /** Permanent failures by reason code, most frequent first. */
  failureReasons: { reason: string; count: number }[];
  /** When the oldest still-queued message was created; a large age means delivery is stuck. */
  oldestQueuedAt: string | null;
}

/** Counts for the admin's delivery page: queued, in flight, sent, failed and why. */
export async function deliveryStats(db: Db, blocId?: number): Promise<DeliveryStats> {
  const byStatus = await db
    .selectFrom('outbox_message')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('created_at').as('oldest')])
    .$if(blocId !== undefined, (qb) => qb.where('bloc_id', '=', blocId!))
    .groupBy('status')
    .execute();
  const reasons = await db
    .selectFrom('outbox_message')
    .select([sql<string>`coalesce(failure_reason, 'unknown')`.as('reason'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'failed')
    .$if(blocId !== undefined, (qb) => qb.where('bloc_id', '=', blocId!))
    .groupBy('reason')
    .orderBy('n', 'desc')
    .orderBy('reason')
    .execute();
  const count = (s: string) => Number(byStatus.find((r) => r.status === s)?.n ?? 0);
  return {
    queued: count('queued'),
    sending: count('sending'),
    sent: count('sent'),
    failed: count('failed'),
    failureReasons: reasons.map((r) => ({ reason: r.reason, count: Number(r.n) })),
    oldestQueuedAt: byStatus.find((r) => r.status === 'queued')?.oldest ?? null,
  };
}

/** One message of the outbox, e.g. the one an admin asks to send again. */
export async function getOutboxMessage(db: Db, id: number): Promise<OutboxMessage | undefined> {
  const row = await db.selectFrom('outbox_message').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toOutboxMessage(row);
}

/** The latest failed messages, for the admin to see who did not get what and why. */
export async function listFailedOutbox(
  db: Db,
  opts: { blocId?: number; limit?: number } = {},
): Promise<OutboxMessage[]> {
  const rows = await db
    .selectFrom('outbox_message')
    .selectAll()
    .where('status', '=', 'failed')
    .$if(opts.blocId !== undefined, (qb) => qb.where('bloc_id', '=', opts.blocId!))
    .orderBy('id', 'desc')
    .limit(opts.limit ?? 100)
    .execute();
  return rows.map(toOutboxMessage);
}
