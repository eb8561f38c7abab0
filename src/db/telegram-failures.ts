// People's addresses whose last delivery failed for a reason that retrying will not fix: the
// person blocked the bot, never pressed Start, or the chat is gone (each channel reports these
// reasons in its own platform's cases). The reminders still go to them and still fail, so the
// admin lists them beside those who never linked an address.

import type { Db } from './connection.js';

/** Failure reasons (src/delivery/classify.ts) that end delivery to a person's address for good. */
export const PERMANENT_PRIVATE_FAILURES = [
  'blocked',
  'not_started',
  'deactivated',
  'chat_not_found',
  'forbidden',
] as const;

/**
 * For each of a channel's addresses of people, the reason its last settled message failed, if it
 * did. Only deliveries count: a message sent, or one failed for a permanent reason; a message
 * dropped as stale or after network errors says nothing about the address.
 */
export async function lastPermanentFailures(
  db: Db,
  channel: string,
  addresses: readonly string[],
): Promise<Map<string, string>> {
  if (addresses.length === 0) return new Map();
  const rows = await db
    .selectFrom('outbox_message as o')
    .select(['o.address', 'o.status', 'o.failure_reason'])
    .where('o.chat_type', '=', 'private')
    .where('o.channel', '=', channel)
    .where('o.address', 'in', [...new Set(addresses)])
    .where((eb) =>
      eb(
        'o.id',
        '=',
        eb
          .selectFrom('outbox_message as l')
          .select((l) => l.fn.max('l.id').as('id'))
          .whereRef('l.address', '=', 'o.address')
          .whereRef('l.channel', '=', 'o.channel')
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
  for (const r of rows) if (r.status === 'failed' && r.failure_reason) failed.set(r.address, r.failure_reason);
  return failed;
}
