// A focal point's addresses on the channels (Telegram now; Zalo and e-mail next) and the order in
// which they prefer them. The product reaches a person at their first linked address; the admin
// changes the order on the person's page. Telegram addresses follow focal_point's telegram_*
// columns by the triggers of migration 0010 (docs/decisions/0090-channels.md).

import type { Db } from './connection.js';
import type { ContactAddressRow } from './schema.js';

/** One of a focal point's addresses on a channel, and its place in their order (decision 0092). */
export interface ContactAddress {
  id: number;
  focalPointId: number;
  channel: string;
  address: string;
  /** 'unsubscribed': the person asked (by e-mail's List-Unsubscribe) to get nothing more there. */
  state: 'linked' | 'blocked' | 'unsubscribed';
  /** Lowest first: the person is reached at their first linked address. */
  position: number;
  /** ISO instant. */
  linkedAt: string;
  /** What the admin shows beside the address: a Telegram username, say. */
  detail: string | null;
}

export function toContactAddress(row: ContactAddressRow): ContactAddress {
  return {
    id: row.id,
    focalPointId: row.focal_point_id,
    channel: row.channel,
    address: row.address,
    state: row.state,
    position: row.position,
    linkedAt: row.linked_at,
    detail: row.detail,
  };
}

/** Where to reach someone: a channel and their address on it. */
export interface ChannelAddress {
  channel: string;
  address: string;
}

/** An address held by a focal point of a bloc's unit, with whom it reaches. */
export interface BlocContact extends ChannelAddress {
  fullName: string;
  unitName: string;
}

/**
 * The addresses among `addresses` on one of `channels` held by a focal point of a unit that is or
 * was a member of the bloc, with the person's and the unit's names. A pair of an address and a
 * channel not asked for together may come back: the caller keeps the pairs it wants.
 */
export async function blocContactsAt(
  db: Db,
  blocId: number,
  addresses: readonly string[],
  channels: readonly string[],
): Promise<BlocContact[]> {
  if (addresses.length === 0 || channels.length === 0) return [];
  const rows = await db
    .selectFrom('contact_address as a')
    .innerJoin('focal_point as f', 'f.id', 'a.focal_point_id')
    .innerJoin('unit as u', 'u.id', 'f.unit_id')
    .select(['a.channel', 'a.address', 'f.full_name', 'u.name as unit_name'])
    .where('a.address', 'in', [...addresses])
    .where('a.channel', 'in', [...channels])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('bloc_membership as m')
          .select('m.id')
          .whereRef('m.unit_id', '=', 'f.unit_id')
          .where('m.bloc_id', '=', blocId),
      ),
    )
    .execute();
  return rows.map((r) => ({ channel: r.channel, address: r.address, fullName: r.full_name, unitName: r.unit_name }));
}

/** The focal point's addresses, preferred first. */
export async function listContactAddresses(db: Db, focalPointId: number): Promise<ContactAddress[]> {
  const rows = await db
    .selectFrom('contact_address')
    .selectAll()
    .where('focal_point_id', '=', focalPointId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map(toContactAddress);
}

/**
 * Gives the focal point an address on a channel, last in their order unless a position is given
 * (a lower one is preferred). An address already someone else's on that channel moves to this
 * person, as a Telegram account does when it is linked again (decision 0078).
 */
export async function addContactAddress(
  db: Db,
  a: { focalPointId: number; channel: string; address: string; detail?: string | null; at: Date; position?: number },
): Promise<ContactAddress> {
  const last = await db
    .selectFrom('contact_address')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('focal_point_id', '=', a.focalPointId)
    .executeTakeFirst();
  const position = a.position ?? (last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1);
  const row = await db
    .insertInto('contact_address')
    .values({
      focal_point_id: a.focalPointId,
      channel: a.channel,
      address: a.address,
      state: 'linked',
      position,
      linked_at: a.at.toISOString(),
      detail: a.detail ?? null,
    })
    .onConflict((oc) =>
      oc.columns(['channel', 'address']).doUpdateSet({
        focal_point_id: a.focalPointId,
        state: 'linked',
        position,
        linked_at: a.at.toISOString(),
        detail: a.detail ?? null,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return toContactAddress(row);
}

/**
 * Puts the focal point's addresses in the given order (their ids, preferred first). Ids that are
 * not theirs are ignored; theirs left out keep their place after the given ones. Returns the order.
 */
export async function setContactAddressOrder(
  db: Db,
  focalPointId: number,
  orderedIds: readonly number[],
): Promise<ContactAddress[]> {
  const current = await listContactAddresses(db, focalPointId);
  const given = orderedIds.flatMap((id) => current.filter((a) => a.id === id));
  const order = [...new Set([...given, ...current])];
  for (const [position, a] of order.entries()) {
    await db.updateTable('contact_address').set({ position }).where('id', '=', a.id).execute();
  }
  return listContactAddresses(db, focalPointId);
}

/**
 * The names of the channels this process delivers through (`main.ts` builds them; the CLI takes
 * the ones its configuration enables). A person is reached only on one of them (decision 0090).
 */
export type RunningChannels = readonly string[];

/**
 * Each focal point's first linked address on a running channel, by their order (those with none
 * are absent: they cannot be reached here, whatever they have on a channel this server lacks).
 */
export async function preferredAddresses(
  db: Db,
  focalPointIds: readonly number[],
  channels: RunningChannels,
): Promise<Map<number, ChannelAddress>> {
  if (focalPointIds.length === 0 || channels.length === 0) return new Map();
  const rows = await db
    .selectFrom('contact_address')
    .select(['focal_point_id', 'channel', 'address'])
    .where('focal_point_id', 'in', [...new Set(focalPointIds)])
    .where('state', '=', 'linked')
    .where('channel', 'in', [...new Set(channels)])
    .orderBy('focal_point_id')
    .orderBy('position')
    .orderBy('id')
    .execute();
  const out = new Map<number, ChannelAddress>();
  for (const r of rows)
    if (!out.has(r.focal_point_id)) out.set(r.focal_point_id, { channel: r.channel, address: r.address });
  return out;
}

/**
 * The person wrote to the bot from this address: if a delivery had found it blocked, it is linked
 * again (decision 0098). One indexed update that writes nothing when the address is linked already,
 * so the bot may call it on every private message. True when it was blocked.
 */
export async function relinkBlockedAddress(db: Db, channel: string, address: string): Promise<boolean> {
  const r = await db
    .updateTable('contact_address')
    .set({ state: 'linked' })
    .where('channel', '=', channel)
    .where('address', '=', address)
    .where('state', '=', 'blocked')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Of the focal points, those holding an address on a running channel that a delivery found blocked
 * (decision 0098): the admin says they blocked the bot rather than that they never linked.
 */
export async function withBlockedAddress(
  db: Db,
  focalPointIds: readonly number[],
  channels: RunningChannels,
): Promise<Set<number>> {
  if (focalPointIds.length === 0 || channels.length === 0) return new Set();
  const rows = await db
    .selectFrom('contact_address')
    .select('focal_point_id')
    .distinct()
    .where('focal_point_id', 'in', [...new Set(focalPointIds)])
    .where('state', '=', 'blocked')
    .where('channel', 'in', [...new Set(channels)])
    .execute();
  return new Set(rows.map((r) => r.focal_point_id));
}
