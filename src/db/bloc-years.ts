import type { Db } from './connection.js';
import type { BlocYearRow, RotationPolicy } from './schema.js';

/** A bloc's year: which unit chairs it (Khối trưởng), its deputy, and how the chair was chosen (decision 0092). */
export interface BlocYear {
  id: number;
  blocId: number;
  year: number;
  chairUnitId: number;
  deputyUnitId: number | null;
  chosenBy: RotationPolicy;
  status: 'planned' | 'open' | 'closed';
  /** The handover (bàn giao) date, 'YYYY-MM-DD', once the term is closed. */
  handedOverOn: string | null;
  note: string | null;
}

export function toBlocYear(row: BlocYearRow): BlocYear {
  return {
    id: row.id,
    blocId: row.bloc_id,
    year: row.year,
    chairUnitId: row.chair_unit_id,
    deputyUnitId: row.deputy_unit_id,
    chosenBy: row.chosen_by,
    status: row.status,
    handedOverOn: row.handed_over_on,
    note: row.note,
  };
}

/** A year of the chair history, with the names of its chair and deputy units. */
export interface ChairHistoryEntry extends BlocYear {
  chairName: string;
  deputyName: string | null;
}

export async function createBlocYear(
  db: Db,
  y: {
    blocId: number;
    year: number;
    chairUnitId: number;
    deputyUnitId: number | null;
    chosenBy: RotationPolicy;
    status?: BlocYear['status'];
    handedOverOn?: string | null;
    note?: string | null;
  },
): Promise<BlocYear> {
  const row = await db
    .insertInto('bloc_year')
    .values({
      bloc_id: y.blocId,
      year: y.year,
      chair_unit_id: y.chairUnitId,
      deputy_unit_id: y.deputyUnitId,
      chosen_by: y.chosenBy,
      status: y.status ?? 'open',
      handed_over_on: y.handedOverOn ?? null,
      note: y.note ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toBlocYear(row);
}

export async function getBlocYear(db: Db, blocId: number, year: number): Promise<BlocYear | undefined> {
  const row = await db
    .selectFrom('bloc_year')
    .selectAll()
    .where('bloc_id', '=', blocId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row && toBlocYear(row);
}

/** Chair history, most recent year first. */
export async function listBlocYears(db: Db, blocId: number): Promise<ChairHistoryEntry[]> {
  const rows = await db
    .selectFrom('bloc_year as y')
    .innerJoin('unit as c', 'c.id', 'y.chair_unit_id')
    .leftJoin('unit as d', 'd.id', 'y.deputy_unit_id')
    .selectAll('y')
    .select(['c.name as chair_name', 'd.name as deputy_name'])
    .where('y.bloc_id', '=', blocId)
    .orderBy('y.year', 'desc')
    .execute();
  return rows.map(({ chair_name, deputy_name, ...row }) => ({
    ...toBlocYear(row),
    chairName: chair_name,
    deputyName: deputy_name,
  }));
}

export async function getRotationOrder(db: Db, blocId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('rotation_slot')
    .select('unit_id')
    .where('bloc_id', '=', blocId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.unit_id);
}

/** Replaces the agreed rotation order; call inside a transaction. */
export async function setRotationOrder(db: Db, blocId: number, unitIds: number[]): Promise<void> {
  await db.deleteFrom('rotation_slot').where('bloc_id', '=', blocId).execute();
  if (unitIds.length === 0) return;
  await db
    .insertInto('rotation_slot')
    .values(unitIds.map((unit_id, i) => ({ bloc_id: blocId, unit_id, position: i + 1 })))
    .execute();
}

/** Closes a year's term at its handover (bàn giao) date. */
export async function closeBlocYear(db: Db, id: number, handedOverOn: string): Promise<void> {
  await db
    .updateTable('bloc_year')
    .set({ status: 'closed', handed_over_on: handedOverOn })
    .where('id', '=', id)
    .execute();
}

/** Sets the chair and deputy of an existing (planned) year and opens it. */
export async function openBlocYear(
  db: Db,
  id: number,
  t: { chairUnitId: number; deputyUnitId: number | null; chosenBy: RotationPolicy; note: string | null },
): Promise<void> {
  await db
    .updateTable('bloc_year')
    .set({
      chair_unit_id: t.chairUnitId,
      deputy_unit_id: t.deputyUnitId,
      chosen_by: t.chosenBy,
      note: t.note,
      status: 'open',
    })
    .where('id', '=', id)
    .execute();
}
