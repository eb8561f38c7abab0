// A person's account on a messenger other than Telegram (Zalo), as addresses on contact_address:
// who holds an address, and the invite use recorded for it. Telegram keeps its focal_point columns
// (decision 0090); these are the channel-neutral counterparts the Zalo bot uses (issue 13).
import type { Db } from './connection.js';

/** The focal point holding this address on the channel, if any (whatever their state). */
export async function focalPointIdAtAddress(db: Db, channel: string, address: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('contact_address')
    .select('focal_point_id')
    .where('channel', '=', channel)
    .where('address', '=', address)
    .executeTakeFirst();
  return row?.focal_point_id;
}

/** Marks an invite used by an account on a channel; false if it was used meanwhile. */
export async function markInviteUsedOn(
  db: Db,
  inviteId: number,
  account: { channel: string; userId: string },
  at: Date,
): Promise<boolean> {
  const r = await db
    .updateTable('invite')
    .set({ used_at: at.toISOString(), used_by_channel: account.channel, used_by_account: account.userId })
    .where('id', '=', inviteId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Records that the person at this address blocked the bot, or wrote again (linked). */
export async function setAddressState(
  db: Db,
  channel: string,
  address: string,
  state: 'linked' | 'blocked',
): Promise<void> {
  await db
    .updateTable('contact_address')
    .set({ state })
    .where('channel', '=', channel)
    .where('address', '=', address)
    .execute();
}
