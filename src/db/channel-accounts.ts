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

/**
 * Links an account on a channel other than Telegram as the person's address there: a new account
 * (a new phone) replaces the one they had on that channel, in the same place in their order, as a
 * Telegram relink does (decision 0090); a first account goes last. An address held by someone else
 * (who left) moves to this person.
 */
export async function linkChannelAddress(
  db: Db,
  a: { focalPointId: number; channel: string; address: string; detail: string | null; at: Date },
): Promise<void> {
  const current = await db
    .selectFrom('contact_address')
    .select(['id', 'address'])
    .where('focal_point_id', '=', a.focalPointId)
    .where('channel', '=', a.channel)
    .orderBy('position')
    .executeTakeFirst();
  if (!current) {
    const last = await db
      .selectFrom('contact_address')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('focal_point_id', '=', a.focalPointId)
      .executeTakeFirst();
    await db
      .insertInto('contact_address')
      .values({
        focal_point_id: a.focalPointId,
        channel: a.channel,
        address: a.address,
        state: 'linked',
        position: last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1,
        linked_at: a.at.toISOString(),
        detail: a.detail,
      })
      .onConflict((oc) =>
        oc.columns(['channel', 'address']).doUpdateSet((eb) => ({
          focal_point_id: a.focalPointId,
          state: 'linked',
          position: eb.ref('excluded.position'),
          linked_at: a.at.toISOString(),
          detail: a.detail,
        })),
      )
      .execute();
    return;
  }
  // The address leaves whoever held it before (only someone who left can), then takes the old one's place.
  await db
    .deleteFrom('contact_address')
    .where('channel', '=', a.channel)
    .where('address', '=', a.address)
    .where('id', '<>', current.id)
    .execute();
  await db
    .updateTable('contact_address')
    .set({ address: a.address, state: 'linked', linked_at: a.at.toISOString(), detail: a.detail })
    .where('id', '=', current.id)
    .execute();
}
