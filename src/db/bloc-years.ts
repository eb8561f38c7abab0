import type { Db } from './connection.js';
import type { BlocYear, RotationPolicy } from './schema.js';

export async function createBlocYear(
  db: Db,
  y: {
    blocId: number;
    year: number;
    chairUnitId: number;
    deputyUnitId: number | null;
    chosenBy: RotationPolicy;
    status?: 'planned' | 'open' | 'closed';
    handedOverOn?: string | null;
    note?: string | null;
  },
): Promise<BlocYear> {
  return db
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
}

export async function getBlocYear(db: Db, blocId: number, year: number): Promise<BlocYear | undefined> {
  return db
    .selectFrom('bloc_year')
    .selectAll()
    .where('bloc_id', '=', blocId)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** Chair history, most recent year first. */
export async function listBlocYears(db: Db, blocId: number) {
  return db
    .selectFrom('bloc_year as y')
    .innerJoin('unit as c', 'c.id', 'y.chair_unit_id')
    .leftJoin('unit as d', 'd.id', 'y.deputy_unit_id')
    .selectAll('y')
    .select(['c.name as chair_name', 'd.name as deputy_name'])
    .where('y.bloc_id', '=', blocId)
    .orderBy('y.year', 'desc')
    .execute();
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
