// Whose address an outbox row goes to, and that person's working personal link: what the delivery
// worker gives a channel to render a message for its one recipient (decision 0090's RenderContext).
// An address belongs to at most one person on its channel (unique (channel, address)), so a link
// found here can only be that recipient's own.

import type { Db } from './connection.js';

/** The stored link of the active focal point holding this address, if any. */
export async function personalLinkOfAddress(
  db: Db,
  channel: string,
  address: string,
): Promise<{ focalPointId: number; nonce: string; tokenHash: string } | undefined> {
  const row = await db
    .selectFrom('contact_address as a')
    .innerJoin('focal_point as f', 'f.id', 'a.focal_point_id')
    .innerJoin('personal_link as l', 'l.focal_point_id', 'f.id')
    .select(['f.id as focalPointId', 'l.nonce', 'l.token_hash as tokenHash'])
    .where('a.channel', '=', channel)
    .where('a.address', '=', address)
    .where('f.status', '=', 'active')
    .where('l.revoked_at', 'is', null)
    .orderBy('l.id', 'desc')
    .executeTakeFirst();
  return row;
}
