// Who can be messaged about a period: the focal points and unit heads of given units who are
// active and have a linked Telegram chat, and the chair unit of the bloc for a year. Who is
// missing is not decided here: that comes from periodStatus (figures.ts).

import type { Db } from './connection.js';

export interface Contact {
  focalPointId: number;
  unitId: number;
  fullName: string;
  role: 'focal_point' | 'unit_head';
  chatId: string;
}

/** Active focal points and unit heads of the units with a Telegram chat, by unit then id. */
export async function listReachableContacts(db: Db, unitIds: readonly number[]): Promise<Contact[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('focal_point')
    .select(['id', 'unit_id', 'full_name', 'role', 'telegram_chat_id'])
    .where('unit_id', 'in', [...unitIds])
    .where('status', '=', 'active')
    .where('telegram_chat_id', 'is not', null)
    .orderBy('unit_id')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    focalPointId: r.id,
    unitId: r.unit_id,
    fullName: r.full_name,
    role: r.role,
    chatId: r.telegram_chat_id!,
  }));
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
