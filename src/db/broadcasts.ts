// Broadcasts and their progress. A broadcast's copies are outbox rows keyed
// 'broadcast:<id>:<chat id>', so what was queued, sent or failed is read from the outbox.

import type { Db } from './connection.js';
import { type OutboxMessage, toOutboxMessage } from './outbox.js';
import type { BroadcastRow } from './schema.js';

/** A message an admin sent to the bloc (decision 0092); its copies are outbox rows. */
export interface Broadcast {
  id: number;
  blocId: number;
  /** The nonce of the form it was sent from: a second submit of that form sends nothing more. */
  formNonce: string;
  text: string;
  /** Whether the bloc's group chats got it too. */
  includeGroups: boolean;
  senderName: string;
  createdBy: string;
  /** ISO instant. */
  createdAt: string;
  recipients: number;
  /** JSON array of UnreachableRecipient as stored; read it with unreachableOf. */
  unreachable: string;
}

export function toBroadcast(row: BroadcastRow): Broadcast {
  return {
    id: row.id,
    blocId: row.bloc_id,
    formNonce: row.form_nonce,
    text: row.text,
    includeGroups: row.include_groups === 1,
    senderName: row.sender_name,
    createdBy: row.created_by,
    createdAt: row.created_at,
    recipients: row.recipients,
    unreachable: row.unreachable,
  };
}

/** Someone a broadcast could not reach: a focal point without linked Telegram, or a unit without a focal point. */
export interface UnreachableRecipient {
  name: string | null;
  unit: string;
}

/**
 * The dedupe key of a broadcast's copy for one address: 'broadcast:12:5001' on Telegram (the form
 * of the keys queued before channels, migration 0010), 'broadcast:12:zalo:84912…' on another.
 */
export function broadcastDedupeKey(broadcastId: number, to: { channel: string; address: string }): string {
  return `broadcast:${broadcastId}:${to.channel === 'telegram' ? '' : `${to.channel}:`}${to.address}`;
}

// 'broadcast:12:' up to (not including) 'broadcast:12;' (';' follows ':'): exactly the keys of
// broadcast 12, read through the unique index on dedupe_key (a LIKE would not use it).
function keyRange(broadcastId: number): [string, string] {
  return [`broadcast:${broadcastId}:`, `broadcast:${broadcastId};`];
}

export async function findBroadcastByNonce(db: Db, blocId: number, nonce: string): Promise<Broadcast | undefined> {
  const row = await db
    .selectFrom('broadcast')
    .selectAll()
    .where('bloc_id', '=', blocId)
    .where('form_nonce', '=', nonce)
    .executeTakeFirst();
  return row && toBroadcast(row);
}

export async function createBroadcast(
  db: Db,
  b: {
    blocId: number;
    nonce: string;
    text: string;
    includeGroups: boolean;
    senderName: string;
    createdBy: string;
    at: Date;
    unreachable: UnreachableRecipient[];
  },
): Promise<Broadcast> {
  const row = await db
    .insertInto('broadcast')
    .values({
      bloc_id: b.blocId,
      form_nonce: b.nonce,
      text: b.text,
      include_groups: b.includeGroups ? 1 : 0,
      sender_name: b.senderName,
      created_by: b.createdBy,
      created_at: b.at.toISOString(),
      unreachable: JSON.stringify(b.unreachable),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toBroadcast(row);
}

export async function setBroadcastRecipients(db: Db, id: number, recipients: number): Promise<void> {
  await db.updateTable('broadcast').set({ recipients }).where('id', '=', id).execute();
}

export async function getBroadcastOfBloc(db: Db, blocId: number, id: number): Promise<Broadcast | undefined> {
  const row = await db
    .selectFrom('broadcast')
    .selectAll()
    .where('bloc_id', '=', blocId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toBroadcast(row);
}

export function unreachableOf(b: Broadcast): UnreachableRecipient[] {
  try {
    const v = JSON.parse(b.unreachable) as unknown;
    return Array.isArray(v) ? (v as UnreachableRecipient[]) : [];
  } catch {
    return [];
  }
}

/** Each copy of the broadcast (its outbox rows), in the order they were queued. */
export async function broadcastMessages(db: Db, blocId: number, broadcastId: number): Promise<OutboxMessage[]> {
  const [from, to] = keyRange(broadcastId);
  const rows = await db
    .selectFrom('outbox_message')
    .selectAll()
    .where('dedupe_key', '>=', from)
    .where('dedupe_key', '<', to)
    .where('bloc_id', '=', blocId)
    .orderBy('id')
    .execute();
  return rows.map(toOutboxMessage);
}

export interface BroadcastCounts {
  /** Queued or being handed to Telegram right now. */
  pending: number;
  sent: number;
  failed: number;
}

export function countMessages(messages: Pick<OutboxMessage, 'status'>[]): BroadcastCounts {
  const n = { pending: 0, sent: 0, failed: 0 };
  for (const m of messages) {
    if (m.status === 'sent') n.sent++;
    else if (m.status === 'failed') n.failed++;
    else n.pending++;
  }
  return n;
}

/** The bloc's latest broadcasts, newest first, each with the counts of its copies. */
export async function listBroadcasts(db: Db, blocId: number, limit = 30): Promise<(Broadcast & BroadcastCounts)[]> {
  const rows = await db
    .selectFrom('broadcast')
    .selectAll()
    .where('bloc_id', '=', blocId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const out: (Broadcast & BroadcastCounts)[] = [];
  for (const b of rows) {
    const [from, to] = keyRange(b.id);
    const statuses = await db
      .selectFrom('outbox_message')
      .select('status')
      .where('dedupe_key', '>=', from)
      .where('dedupe_key', '<', to)
      .where('bloc_id', '=', blocId)
      .execute();
    out.push({ ...toBroadcast(b), ...countMessages(statuses) });
  }
  return out;
}
