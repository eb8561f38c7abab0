// Putting a message in the outbox: a neutral message to an address on a channel, or, for the
// callers not moved to neutral messages yet, a Telegram payload to a chat. The delivery worker's
// queries are in outbox.ts, the admin's in outbox-admin.ts.

import { plainText } from '../core/plain-text.js';
import type { OutboundMessage } from '../core/outbound-message.js';
import type { Db } from './connection.js';
import { messageOfTelegramPayload, type OutboxPayload } from './outbox-message-json.js';

export type { OutboxPayload } from './outbox-message-json.js';

interface OutboxCommon {
  /** Unique per logical message, e.g. 'reminder:before:bloc1:unit3:2026-W48'. */
  dedupeKey: string;
  blocId: number | null;
  kind: string;
  /** Earliest time to send; defaults to now. */
  notBefore?: Date;
  /** After this instant the message is not worth sending any more: it fails as 'expired'. */
  notAfter?: Date;
  now: Date;
}

/** A neutral message to an address on a channel; the channel renders it at send time. */
export interface NewChannelMessage extends OutboxCommon {
  channel: string;
  address: string;
  /** A person or a group (a group's pace and failures differ; the admin lists people's failures). */
  audience: 'person' | 'group';
  message: OutboundMessage;
}

/** A Telegram payload to a chat: the form of the callers not moved to neutral messages yet. */
export interface NewTelegramPayloadMessage extends OutboxCommon {
  chatId: string;
  chatType: 'private' | 'group';
  payload: OutboxPayload;
}

export type NewOutboxMessage = NewChannelMessage | NewTelegramPayloadMessage;

/** The row's channel, address and message, whichever form it was queued in. */
function addressed(m: NewOutboxMessage) {
  if ('payload' in m) {
    return {
      channel: 'telegram',
      address: m.chatId,
      chat_type: m.chatType,
      message: messageOfTelegramPayload(m.kind, m.payload),
      payload: m.payload,
    };
  }
  return {
    channel: m.channel,
    address: m.address,
    chat_type: m.audience === 'group' ? ('group' as const) : ('private' as const),
    message: m.message,
    payload: { text: plainText(m.message) },
  };
}

/**
 * Queues a message; call in the same transaction as its cause. Returns false when a message with
 * the same dedupe key was already queued (it is never queued twice).
 */
export async function enqueueOutbox(db: Db, m: NewOutboxMessage): Promise<boolean> {
  const a = addressed(m);
  const result = await db
    .insertInto('outbox_message')
    .values({
      dedupe_key: m.dedupeKey,
      bloc_id: m.blocId,
      kind: m.kind,
      channel: a.channel,
      address: a.address,
      // chat_id and chat_type mirror the address for the readers not moved yet (schema.ts).
      chat_id: a.address,
      chat_type: a.chat_type,
      message: JSON.stringify(a.message),
      payload: JSON.stringify(a.payload),
      status: 'queued',
      next_attempt_at: (m.notBefore ?? m.now).toISOString(),
      available_at: (m.notBefore ?? m.now).toISOString(),
      not_after: m.notAfter?.toISOString() ?? null,
      created_at: m.now.toISOString(),
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}
