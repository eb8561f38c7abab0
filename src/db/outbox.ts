import type { Db } from './connection.js';

export interface OutboxPayload {
  text: string;
  parse_mode?: 'HTML';
  reply_markup?: unknown;
  disable_web_page_preview?: boolean;
}

export interface NewOutboxMessage {
  /** Unique per logical message, e.g. 'reminder:before:bloc1:unit3:2026-W48'. */
  dedupeKey: string;
  blocId: number | null;
  kind: string;
  chatId: string;
  chatType: 'private' | 'group';
  payload: OutboxPayload;
  /** Earliest time to send; defaults to now. */
  notBefore?: Date;
  now: Date;
}

/**
 * Queues a message; call in the same transaction as its cause. Returns false when a message with
 * the same dedupe key was already queued (it is never queued twice).
 */
export async function enqueueOutbox(db: Db, m: NewOutboxMessage): Promise<boolean> {
  const result = await db
    .insertInto('outbox_message')
    .values({
      dedupe_key: m.dedupeKey,
      bloc_id: m.blocId,
      kind: m.kind,
      chat_id: m.chatId,
      chat_type: m.chatType,
      payload: JSON.stringify(m.payload),
      status: 'queued',
      next_attempt_at: (m.notBefore ?? m.now).toISOString(),
      created_at: m.now.toISOString(),
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}
