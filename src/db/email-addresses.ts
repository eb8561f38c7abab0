// A focal point's e-mail address (one at most), a contact_address on 'email'; the recipient's own
// "no more mail" (List-Unsubscribe); and what the admin shows of each person's mail: the address,
// its state, the last mail delivered and the last error the server gave (from the outbox rows).
// Unlike a Telegram account, an e-mail address is not taken from one person for another: the
// personal link in a reminder is found from the address, so one address must be one person's.
// A person who left holds none: leaving releases their address (a shared unit mailbox passes to the
// successor), and an address a leaver still holds from before that rule is released on reuse.

import { addContactAddress } from './contact-addresses.js';
import type { Db } from './connection.js';

export const EMAIL = 'email';

export interface EmailAddress {
  id: number;
  focalPointId: number;
  address: string;
  state: 'linked' | 'blocked' | 'unsubscribed';
  unsubscribedAt: string | null;
}

/** The focal point's e-mail address, if any. */
export async function emailAddressOf(db: Db, focalPointId: number): Promise<EmailAddress | undefined> {
  const row = await db
    .selectFrom('contact_address')
    .select(['id', 'focal_point_id', 'address', 'state', 'unsubscribed_at'])
    .where('focal_point_id', '=', focalPointId)
    .where('channel', '=', EMAIL)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        focalPointId: row.focal_point_id,
        address: row.address,
        state: row.state,
        unsubscribedAt: row.unsubscribed_at,
      }
    : undefined;
}

export type SetEmailResult =
  /** releasedFrom: a focal point who left still held the address; it is theirs no more. */
  | { kind: 'set'; before: string | null; releasedFrom: { id: number; fullName: string } | null }
  | { kind: 'unchanged' }
  | { kind: 'removed'; before: string }
  /** The address is another focal point's: nothing changed. */
  | { kind: 'taken'; holderId: number; holderName: string };

/**
 * Gives the focal point this e-mail address (already validated and normalised), replacing the one
 * they had, or removes theirs (null). A new address goes last in their order and starts linked.
 */
export async function setEmailAddress(
  db: Db,
  focalPointId: number,
  address: string | null,
  at: Date,
): Promise<SetEmailResult> {
  const current = await emailAddressOf(db, focalPointId);
  if (address === null) {
    if (!current) return { kind: 'unchanged' };
    await db.deleteFrom('contact_address').where('id', '=', current.id).execute();
    return { kind: 'removed', before: current.address };
  }
  if (current?.address === address) return { kind: 'unchanged' };
  const holder = await db
    .selectFrom('contact_address as a')
    .innerJoin('focal_point as f', 'f.id', 'a.focal_point_id')
    .select(['a.id as addressId', 'f.id', 'f.full_name', 'f.status'])
    .where('a.channel', '=', EMAIL)
    .where('a.address', '=', address)
    .executeTakeFirst();
  let releasedFrom: { id: number; fullName: string } | null = null;
  if (holder && holder.id !== focalPointId) {
    if (holder.status === 'active') return { kind: 'taken', holderId: holder.id, holderName: holder.full_name };
    await db.deleteFrom('contact_address').where('id', '=', holder.addressId).execute();
    releasedFrom = { id: holder.id, fullName: holder.full_name };
  }
  if (current) {
    await db
      .updateTable('contact_address')
      .set({ address, state: 'linked', unsubscribed_at: null, linked_at: at.toISOString() })
      .where('id', '=', current.id)
      .execute();
  } else {
    await addContactAddress(db, { focalPointId, channel: EMAIL, address, at });
  }
  return { kind: 'set', before: current?.address ?? null, releasedFrom };
}

/** Every e-mail address held by an active focal point, with its holder's unit and name (the roster import refuses to give it to another). */
export async function emailHolders(
  db: Db,
): Promise<Map<string, { focalPointId: number; unitName: string; fullName: string }>> {
  const rows = await db
    .selectFrom('contact_address as a')
    .innerJoin('focal_point as f', 'f.id', 'a.focal_point_id')
    .innerJoin('unit as u', 'u.id', 'f.unit_id')
    .select(['a.address', 'f.id as focalPointId', 'u.name as unitName', 'f.full_name as fullName'])
    .where('a.channel', '=', EMAIL)
    .where('f.status', '=', 'active')
    .execute();
  return new Map(
    rows.map((r) => [r.address, { focalPointId: r.focalPointId, unitName: r.unitName, fullName: r.fullName }]),
  );
}

/** The recipient asked for no more mail: the address stops receiving until an admin resumes it. */
export async function unsubscribeEmailAddress(db: Db, address: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('contact_address')
    .set({ state: 'unsubscribed', unsubscribed_at: at.toISOString() })
    .where('channel', '=', EMAIL)
    .where('address', '=', address)
    .where('state', '=', 'linked')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** An admin, having agreed it with the person, sends to the address again. */
export async function resumeEmailAddress(db: Db, focalPointId: number): Promise<boolean> {
  const r = await db
    .updateTable('contact_address')
    .set({ state: 'linked', unsubscribed_at: null })
    .where('channel', '=', EMAIL)
    .where('focal_point_id', '=', focalPointId)
    .where('state', '=', 'unsubscribed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** What the admin sees of one person's mail. */
export interface EmailDeliveryState {
  focalPointId: number;
  fullName: string;
  unitName: string;
  address: string | null;
  state: EmailAddress['state'] | null;
  unsubscribedAt: string | null;
  lastDeliveredAt: string | null;
  lastError: { at: string | null; error: string; failed: boolean } | null;
}

/** Each active focal point of the bloc's units with their e-mail address and its last delivery and error. */
export async function emailDeliveryStates(db: Db, blocId: number): Promise<EmailDeliveryState[]> {
  const people = await db
    .selectFrom('focal_point as f')
    .innerJoin('unit as u', 'u.id', 'f.unit_id')
    .leftJoin('contact_address as a', (j) => j.onRef('a.focal_point_id', '=', 'f.id').on('a.channel', '=', EMAIL))
    .select(['f.id', 'f.full_name', 'u.name as unit_name', 'a.address', 'a.state', 'a.unsubscribed_at'])
    .where('f.status', '=', 'active')
    .where('f.unit_id', 'in', db.selectFrom('bloc_membership').select('unit_id').where('bloc_id', '=', blocId))
    .orderBy('u.name')
    .orderBy('f.id')
    .execute();
  const out: EmailDeliveryState[] = [];
  for (const p of people) {
    let lastDeliveredAt: string | null = null;
    let lastError: EmailDeliveryState['lastError'] = null;
    if (p.address) {
      const sent = await db
        .selectFrom('outbox_message')
        .select('sent_at')
        .where('channel', '=', EMAIL)
        .where('address', '=', p.address)
        .where('status', '=', 'sent')
        .orderBy('sent_at', 'desc')
        .executeTakeFirst();
      lastDeliveredAt = sent?.sent_at ?? null;
      // The newest row with an error; a failed row keeps no claim time, so its next attempt's stands in.
      const err = await db
        .selectFrom('outbox_message')
        .select(['claimed_at', 'next_attempt_at', 'last_error', 'status'])
        .where('channel', '=', EMAIL)
        .where('address', '=', p.address)
        .where('last_error', 'is not', null)
        .where('status', 'in', ['queued', 'failed'])
        .orderBy('id', 'desc')
        .executeTakeFirst();
      if (err?.last_error)
        lastError = {
          at: err.claimed_at ?? err.next_attempt_at,
          error: err.last_error,
          failed: err.status === 'failed',
        };
    }
    out.push({
      focalPointId: p.id,
      fullName: p.full_name,
      unitName: p.unit_name,
      address: p.address,
      state: p.state,
      unsubscribedAt: p.unsubscribed_at,
      lastDeliveredAt,
      lastError,
    });
  }
  return out;
}
