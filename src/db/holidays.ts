import type { Db } from './connection.js';
import type { PublicHolidayRow } from './schema.js';

/** A public holiday (decision 0092). */
export interface PublicHoliday {
  /** 'YYYY-MM-DD'. */
  date: string;
  name: string;
}

export function toPublicHoliday(row: PublicHolidayRow): PublicHoliday {
  return { date: row.date, name: row.name };
}

export async function upsertHoliday(db: Db, date: string, name: string): Promise<void> {
  await db
    .insertInto('public_holiday')
    .values({ date, name })
    .onConflict((oc) => oc.column('date').doUpdateSet({ name }))
    .execute();
}

export async function deleteHoliday(db: Db, date: string): Promise<void> {
  await db.deleteFrom('public_holiday').where('date', '=', date).execute();
}

/** Holidays with from <= date <= to. */
export async function listHolidays(db: Db, from: string, to: string): Promise<PublicHoliday[]> {
  const rows = await db
    .selectFrom('public_holiday')
    .selectAll()
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .execute();
  return rows.map(toPublicHoliday);
}

export async function isHoliday(db: Db, date: string): Promise<boolean> {
  const row = await db.selectFrom('public_holiday').select('date').where('date', '=', date).executeTakeFirst();
  return row !== undefined;
}
