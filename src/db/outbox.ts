// The delivery worker's queries on the outbox: what is due, claiming, recording results.

import { sql } from 'kysely';
import type { Db } from './connection.js';
import type { OutboxMessageRow, OutboxStatus } from './schema.js';

// Queueing lives in outbox-enqueue.ts; re-exported so callers import the outbox from one place.
export {
  enqueueOutbox,
  type NewChannelMessage,
  type NewOutboxMessage,
  type NewTelegramPayloadMessage,
  type OutboxPayload,
} from './outbox-enqueue.js';

/** A message in the outbox, as the delivery worker and the admin see it (decision 0092). */
export interface OutboxMessage {
  id: number;
  /** Unique per logical message, e.g. 'reminder:before:bloc1:unit3:2026-W48'. */
  dedupeKey: string;
  blocId: number | null;
  kind: string;
  /** Kept equal to address for the readers not moved to channels yet (schema.ts). */
  chatId: string;
  chatType: 'private' | 'group';
  /** The Telegram form of rows queued before channels (JSON text), kept for the record. */
  payload: string;
  status: OutboxStatus;
  attempts: number;
  /** Instants are ISO strings as stored. */
  nextAttemptAt: string;
  lastError: string | null;
  telegramMessageId: number | null;
  createdAt: string;
  sentAt: string | null;
  /** Permanent failure code (src/core), or null. */
  failureReason: string | null;
  notAfter: string | null;
  claimedAt: string | null;
  /** The moment the message may first be sent; retries never move it (decision 0070). */
  availableAt: string;
  channel: string;
  address: string;
  /** The neutral message as JSON text (read it with parseOutboundMessage). */
  message: string;
  /** How many of its rendered parts went out. */
  partsSent: number;
}

export function toOutboxMessage(row: OutboxMessageRow): OutboxMessage {
  return {
    id: row.id,
    dedupeKey: row.dedupe_key,
    blocId: row.bloc_id,
    kind: row.kind,
    chatId: row.chat_id,
    chatType: row.chat_type,
    payload: row.payload,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    telegramMessageId: row.telegram_message_id,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    failureReason: row.failure_reason,
    notAfter: row.not_after,
    claimedAt: row.claimed_at,
    availableAt: row.available_at,
    channel: row.channel,
    address: row.address,
    message: row.message,
    partsSent: row.parts_sent,
  };
}

export interface DueOutboxMessage {
  id: number;
  channel: string;
  address: string;
}

/**
 * How long a row may stay 'sending' before it no longer holds its chat back and is queued again:
 * far above the Bot API request timeout, so a live request has always ended by then.
 */
export const SENDING_LEASE_MS = 5 * 60_000;

/**
 * No row ahead of this one in its chat's line is still waiting or in flight. The line is the chat's
 * messages of one kind (from one bloc) in the order of their own moment (`available_at`), then of
 * queueing: a split digest's part 1 rescheduled after a 502 keeps part 2 behind it (a retry moves
 * next_attempt_at, never available_at), while a message waiting for a later moment of its own (a
 * digest queued for Monday 08:00) is behind every message due before it and holds none of them
 * (docs/decisions/0070). The order holds within a kind only, so a digest waiting hours for retries
 * never holds back a reminder (which would expire unsent), and a row stuck 'sending' past its
 * lease holds nothing.
 */
// Written as a row-value comparison so SQLite probes the (address, status, available_at) index by
// range: spelled out with 'or', the planner chose the bloc index and scanned a whole bloc's queue
// per row (crash.test.ts's 1,000 reminders took twice as long).
function headOfItsChat(now: Date) {
  const leaseStart = new Date(now.getTime() - SENDING_LEASE_MS).toISOString();
  return sql<boolean>`not exists (
  select 1 from outbox_message as older
  where older.address = outbox_message.address
    and older.channel = outbox_message.channel
    and older.kind = outbox_message.kind
    and older.bloc_id is outbox_message.bloc_id
    and (older.status = 'queued' or (older.status = 'sending' and older.claimed_at > ${leaseStart}))
    and (older.available_at, older.id) < (outbox_message.available_at, outbox_message.id)
)`;
}

/**
 * Rows ready to send at `now`: of each chat's line, only its first pending row, and only once it is due
 * (so one chat's backlog neither jumps its own order nor starves other chats), skipping chats the
 * caller is still pacing.
 */
export async function listDueOutbox(
  db: Db,
  opts: { now: Date; limit: number; channels: readonly string[]; skipAddresses?: readonly string[] },
): Promise<DueOutboxMessage[]> {
  if (opts.channels.length === 0) return [];
  const skip = opts.skipAddresses ?? [];
  // Walks the (status, next_attempt_at) index in order; the ordering check is one probe of the
  // (address, status, available_at) index per row, so distinct addresses cost no more than before.
  const rows = await db
    .selectFrom('outbox_message')
    .select(['id', 'channel', 'address'])
    .where('status', '=', 'queued')
    .where('next_attempt_at', '<=', opts.now.toISOString())
    .where('channel', 'in', [...opts.channels])
    .$if(skip.length > 0, (qb) => qb.where('address', 'not in', skip))
    .where(headOfItsChat(opts.now))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(opts.limit)
    .execute();
  return rows.map((r) => ({ id: r.id, channel: r.channel, address: r.address }));
}

/** The earliest next_attempt_at of a queued row on these channels, to know how long the worker may sleep. */
export async function nextOutboxAttemptAt(db: Db, channels: readonly string[]): Promise<Date | null> {
  if (channels.length === 0) return null;
  const row = await db
    .selectFrom('outbox_message')
    .select((eb) => eb.fn.min('next_attempt_at').as('at'))
    .where('status', '=', 'queued')
    .where('channel', 'in', [...channels])
    .executeTakeFirst();
  return row?.at ? new Date(row.at) : null;
}

export type ClaimResult =
  | { claimed: true; message: OutboxMessage }
  | { claimed: false; why: 'taken' | 'expired' | 'behind' };

/**
 * Marks a queued row 'sending' just before it is handed to the Bot API. A row past its not_after
 * is failed as 'expired' instead. Only one claimer can win a row, and only while no older row of
 * its chat is pending ('behind'), whichever process claims.
 */
export async function claimOutboxMessage(db: Db, id: number, now: Date): Promise<ClaimResult> {
  const at = now.toISOString();
  const expired = await db
    .updateTable('outbox_message')
    .set({ status: 'failed', failure_reason: 'expired', last_error: 'not sent before not_after', claimed_at: null })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .where('not_after', '<=', at)
    .executeTakeFirst();
  if (Number(expired.numUpdatedRows) > 0) return { claimed: false, why: 'expired' };
  const row = await db
    .updateTable('outbox_message')
    .set((eb) => ({ status: 'sending', claimed_at: at, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .where(headOfItsChat(now))
    .returningAll()
    .executeTakeFirst();
  if (row) return { claimed: true, message: toOutboxMessage(row) };
  const current = await db.selectFrom('outbox_message').select('status').where('id', '=', id).executeTakeFirst();
  return { claimed: false, why: current?.status === 'queued' ? 'behind' : 'taken' };
}

/** Records rows Telegram accepted, in one transaction (the worker batches them). */
export async function markOutboxSent(
  db: Db,
  sent: { id: number; messageId: number | null; at: Date }[],
): Promise<void> {
  if (sent.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const s of sent) {
      await trx
        .updateTable('outbox_message')
        .set((eb) => ({
          status: 'sent',
          sent_at: s.at.toISOString(),
          telegram_message_id: s.messageId,
          last_error: null,
          parts_sent: eb('parts_sent', '+', 1),
        }))
        .where('id', '=', s.id)
        .where('status', '=', 'sending')
        .execute();
    }
  });
}

/**
 * One part of a message split by its channel went out and more follow: the row goes back to the
 * queue at once, at the head of its line, counting the part, so the next part is paced like any
 * message and a crash resumes after the last part sent. Each part gets its own attempts.
 */
export async function advanceOutboxPart(db: Db, id: number, at: Date, messageId: number | null): Promise<void> {
  await db
    .updateTable('outbox_message')
    .set((eb) => ({
      status: 'queued',
      parts_sent: eb('parts_sent', '+', 1),
      attempts: 0,
      next_attempt_at: at.toISOString(),
      telegram_message_id: messageId,
      last_error: null,
      claimed_at: null,
    }))
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();
}

/**
 * Puts a claimed row back in the queue for another attempt at `at`. A rate-limit answer does not
 * count as an attempt (countAttempt false); address moves a row to where its channel said the
 * recipient went (a Telegram group that became a supergroup).
 */
export async function rescheduleOutbox(
  db: Db,
  id: number,
  r: {
    at: Date;
    error: string;
    countAttempt: boolean;
    address?: string;
    /** Set when the row waits out a rate limit or refused credentials rather than a backoff. */
    waitingFor?: 'rate_limit' | 'credentials';
  },
): Promise<void> {
  await db
    .updateTable('outbox_message')
    .set((eb) => ({
      status: 'queued',
      next_attempt_at: r.at.toISOString(),
      last_error: r.error,
      waiting_for: r.waitingFor ?? null,
      claimed_at: null,
      ...(r.countAttempt ? {} : { attempts: eb('attempts', '-', 1) }),
      ...(r.address ? { address: r.address, chat_id: r.address } : {}),
    }))
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();
}

/** Marks a claimed row as permanently failed, with a reason code for the admin. */
export async function failOutbox(db: Db, id: number, f: { reason: string; error: string }): Promise<void> {
  await db
    .updateTable('outbox_message')
    .set({ status: 'failed', failure_reason: f.reason, last_error: f.error, waiting_for: null, claimed_at: null })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();
}

/**
 * Fails the row because the person blocked the bot at its address, and marks that address (only
 * that channel's) 'blocked' in the same transaction: the person is reached at their next linked
 * address from then on, until they write to the bot there again (decision 0098). The failed
 * message itself is not resent elsewhere. A group's address is no one's contact address: only
 * the row fails.
 */
export async function failOutboxBlockedByPerson(
  db: Db,
  m: { id: number; channel: string; address: string },
  f: { reason: string; error: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await failOutbox(trx, m.id, f);
    await trx
      .updateTable('contact_address')
      .set({ state: 'blocked' })
      .where('channel', '=', m.channel)
      .where('address', '=', m.address)
      .where('state', '=', 'linked')
      .execute();
  });
}

/**
 * Once a channel answers again after an outage: its rows waiting for a retry after network errors,
 * timeouts or 5xx answers are due now rather than at the end of their backoff (up to 15 minutes),
 * so the wave that waited goes out at once, at the worker's pace. Only that channel's rows: another
 * channel's retries wait for that channel to answer. Not rows waiting out a rate limit's
 * retry_after or a refused token's pause, nor rows waiting for their own later moment (never
 * tried); the first two are marked by waiting_for (migration 0014), whatever the channel's
 * wording of its errors. Returns how many.
 */
export async function retryNowAfterOutage(db: Db, channel: string, now: Date): Promise<number> {
  const r = await db
    .updateTable('outbox_message')
    .set({ next_attempt_at: now.toISOString() })
    .where('channel', '=', channel)
    .where('status', '=', 'queued')
    .where('attempts', '>', 0)
    .where('next_attempt_at', '>', now.toISOString())
    .where('waiting_for', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * At worker start: rows left 'sending' by a crash go back to the queue and are sent again. A row
 * Telegram accepted just before the crash is then sent twice (docs/decisions/0020).
 */
export async function requeueInterruptedOutbox(db: Db, now: Date): Promise<number[]> {
  const rows = await db
    .updateTable('outbox_message')
    .set({
      status: 'queued',
      next_attempt_at: now.toISOString(),
      last_error: 'interrupted: resent after restart',
      claimed_at: null,
    })
    .where('status', '=', 'sending')
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Queues again rows left 'sending' past their lease while this process runs (their result could
 * not be recorded, e.g. the database was busy), except those the caller still has in flight. Like
 * the requeue after a restart, a message Telegram had accepted then arrives twice.
 */
export async function requeueStaleSendingOutbox(db: Db, now: Date, inFlightIds: readonly number[]): Promise<number[]> {
  const rows = await db
    .updateTable('outbox_message')
    .set({
      status: 'queued',
      next_attempt_at: now.toISOString(),
      last_error: 'interrupted: result not recorded, resent',
      claimed_at: null,
    })
    .where('status', '=', 'sending')
    .where('claimed_at', '<=', new Date(now.getTime() - SENDING_LEASE_MS).toISOString())
    .$if(inFlightIds.length > 0, (qb) => qb.where('id', 'not in', inFlightIds))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
