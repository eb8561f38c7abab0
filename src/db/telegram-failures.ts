// Private chats whose last delivery failed for a reason that retrying will not fix: the person
// blocked the bot, never pressed Start, or the chat is gone. The reminders still go to them and
// still fail, so the admin lists them beside those who never linked Telegram.

import type { Db } from './connection.js';

/** Failure reasons (src/delivery/classify.ts) that end delivery to a private chat for good. */
export const PERMANENT_PRIVATE_FAILURES = [
  'blocked',
  'not_started',
  'deactivated',
  'chat_not_found',
  'forbidden',
] as const;

/**
 * For each chat, the reason its last settled message failed, if it did. Only deliveries count:
 * a message sent, or one failed for a permanent reason; a message dropped as stale or after network
 * errors says nothing about the chat.
 */
export async function lastPermanentFailures(db: Db, chatIds: readonly string[]): Promise<Map<string, string>> {
  if (chatIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('outbox_message as o')
    .select(['o.chat_id', 'o.status', 'o.failure_reason'])
    .where('o.chat_type', '=', 'private')
    .where('o.chat_id', 'in', [...new Set(chatIds)])
    .where((eb) =>
      eb(
        'o.id',
        '=',
        eb
          .selectFrom('outbox_message as l')
          .select((l) => l.fn.max('l.id').as('id'))
          .whereRef('l.chat_id', '=', 'o.chat_id')
          .where('l.chat_type', '=', 'private')
          .where((w) =>
            w.or([
              w('l.status', '=', 'sent'),
              w.and([w('l.status', '=', 'failed'), w('l.failure_reason', 'in', [...PERMANENT_PRIVATE_FAILURES])]),
            ]),
          ),
      ),
    )
    .execute();
  const failed = new Map<string, string>();
  for (const r of rows) if (r.status === 'failed' && r.failure_reason) failed.set(r.chat_id, r.failure_reason);
  return failed;
}
