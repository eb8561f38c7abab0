// Who can be messaged about a period: the focal points and unit heads of given units who are
// active and have a linked address on a running channel (reached at the first in their order), and the
// chair unit of the bloc for a year. Who is missing is not decided here: that comes from
// periodStatus (figures.ts).

import type { Db } from './connection.js';
import { type ChannelAddress, preferredAddresses, type RunningChannels } from './contact-addresses.js';

/** An active focal point or unit head, reachable or not. */
export interface Person {
  focalPointId: number;
  unitId: number;
  fullName: string;
  role: 'focal_point' | 'unit_head';
  phone: string | null;
  /** Where they are reached: their first linked address, or null when they have none. */
  reach: ChannelAddress | null;
}

/** A person the product can reach. */
export interface Contact extends Person {
  reach: ChannelAddress;
}

/** Active focal points and unit heads of the units, by unit then id. */
async function listActivePeople(db: Db, unitIds: readonly number[], channels: RunningChannels): Promise<Person[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('focal_point')
    .select(['id', 'unit_id', 'full_name', 'role', 'phone'])
    .where('unit_id', 'in', [...unitIds])
    .where('status', '=', 'active')
    .orderBy('unit_id')
    .orderBy('id')
    .execute();
  const reach = await preferredAddresses(
    db,
    rows.map((r) => r.id),
    channels,
  );
  return rows.map((r) => ({
    focalPointId: r.id,
    unitId: r.unit_id,
    fullName: r.full_name,
    role: r.role,
    phone: r.phone,
    reach: reach.get(r.id) ?? null,
  }));
}

const reachable = (p: Person): p is Contact => p.reach !== null;

/** Active focal points and unit heads of the units with a linked address, by unit then id. */
export async function listReachableContacts(
  db: Db,
  unitIds: readonly number[],
  channels: RunningChannels,
): Promise<Contact[]> {
  return (await listActivePeople(db, unitIds, channels)).filter(reachable);
}

/**
 * Whom a missing unit's reminder is for: its active focal points (unit heads only get the
 * escalation). Those without a linked address on a running channel cannot get it: the reminder job
 * counts them and the admin lists them with their personal report links.
 */
export async function unitReminderRecipients(
  db: Db,
  unitIds: readonly number[],
  channels: RunningChannels,
): Promise<{ reachable: Contact[]; withoutChat: Person[] }> {
  const people = (await listActivePeople(db, unitIds, channels)).filter((p) => p.role === 'focal_point');
  return {
    reachable: people.filter(reachable),
    withoutChat: people.filter((p) => p.reach === null),
  };
}

/**
 * The chair unit for a year: that year's chair, or while no year is recorded yet (January, before
 * the summary conference) the latest earlier chair, who stays in office until the handover.
 */
export async function chairUnitFor(db: Db, blocId: number, year: number): Promise<number | null> {
  const row = await db
    .selectFrom('bloc_year')
    .select('chair_unit_id')
    .where('bloc_id', '=', blocId)
    .where('year', '<=', year)
    .orderBy('year', 'desc')
    .executeTakeFirst();
  return row?.chair_unit_id ?? null;
}
