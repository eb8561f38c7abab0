import type { Db } from './connection.js';
import type { BlocMembershipRow, UnitRow } from './schema.js';

/** A member unit of blocs (an organisation: a department, a mass organisation), decision 0092. */
export interface Unit {
  id: number;
  name: string;
  shortName: string | null;
  /** Part of the demo data ("dữ liệu mẫu"). */
  isDemo: boolean;
  createdAt: string;
}

export function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    isDemo: row.is_demo === 1,
    createdAt: row.created_at,
  };
}

/** A unit's membership of a bloc from joinedOn to leftOn (its last day; null while a member), 'YYYY-MM-DD'. */
export interface BlocMembership {
  id: number;
  blocId: number;
  unitId: number;
  joinedOn: string;
  leftOn: string | null;
  displayOrder: number;
}

export function toBlocMembership(row: BlocMembershipRow): BlocMembership {
  return {
    id: row.id,
    blocId: row.bloc_id,
    unitId: row.unit_id,
    joinedOn: row.joined_on,
    leftOn: row.left_on,
    displayOrder: row.display_order,
  };
}

export async function createUnit(
  db: Db,
  unit: { name: string; shortName?: string | null; isDemo?: boolean },
): Promise<Unit> {
  const row = await db
    .insertInto('unit')
    .values({ name: unit.name, short_name: unit.shortName ?? null, is_demo: unit.isDemo ? 1 : 0 })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUnit(row);
}

export async function getUnit(db: Db, id: number): Promise<Unit | undefined> {
  const row = await db.selectFrom('unit').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUnit(row);
}

export async function renameUnit(db: Db, id: number, name: string, shortName: string | null): Promise<void> {
  await db.updateTable('unit').set({ name, short_name: shortName }).where('id', '=', id).execute();
}

export async function addMembership(
  db: Db,
  m: { blocId: number; unitId: number; joinedOn: string; leftOn?: string | null; displayOrder?: number },
): Promise<BlocMembership> {
  const row = await db
    .insertInto('bloc_membership')
    .values({
      bloc_id: m.blocId,
      unit_id: m.unitId,
      joined_on: m.joinedOn,
      left_on: m.leftOn ?? null,
      display_order: m.displayOrder ?? 0,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toBlocMembership(row);
}

/** Ends the unit's open membership of the bloc; leftOn is its last day as a member. */
export async function endMembership(db: Db, blocId: number, unitId: number, leftOn: string): Promise<number> {
  const result = await db
    .updateTable('bloc_membership')
    .set({ left_on: leftOn })
    .where('bloc_id', '=', blocId)
    .where('unit_id', '=', unitId)
    .where('left_on', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function listMemberships(db: Db, blocId: number): Promise<BlocMembership[]> {
  const rows = await db
    .selectFrom('bloc_membership')
    .selectAll()
    .where('bloc_id', '=', blocId)
    .orderBy('display_order')
    .orderBy('joined_on')
    .execute();
  return rows.map(toBlocMembership);
}

/** A unit with the dates and position of its membership of the bloc asked about. */
export interface MemberUnit extends Unit {
  joinedOn: string;
  leftOn: string | null;
  displayOrder: number;
}

/** Units that were members of the bloc on at least one day of [from, to] (inclusive dates). */
export async function listMemberUnits(db: Db, blocId: number, from: string, to: string = from): Promise<MemberUnit[]> {
  const rows = await db
    .selectFrom('bloc_membership as m')
    .innerJoin('unit as u', 'u.id', 'm.unit_id')
    .selectAll('u')
    .select(['m.joined_on', 'm.left_on', 'm.display_order'])
    .where('m.bloc_id', '=', blocId)
    .where('m.joined_on', '<=', to)
    .where((eb) => eb.or([eb('m.left_on', 'is', null), eb('m.left_on', '>=', from)]))
    .orderBy('m.display_order')
    .orderBy('u.id')
    .execute();
  const seen = new Set<number>();
  return rows
    .filter((r) => {
      if (seen.has(r.id)) return false;
      seen.add(r.id);
      return true;
    })
    .map(({ joined_on, left_on, display_order, ...unit }) => ({
      ...toUnit(unit),
      joinedOn: joined_on,
      leftOn: left_on,
      displayOrder: display_order,
    }));
}

/** The bloc the unit currently belongs to on `date`, if any. */
export async function blocOfUnit(db: Db, unitId: number, date: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('bloc_membership')
    .select('bloc_id')
    .where('unit_id', '=', unitId)
    .where('joined_on', '<=', date)
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>=', date)]))
    .orderBy('joined_on', 'desc')
    .executeTakeFirst();
  return row?.bloc_id;
}

export interface MembershipRow {
  membershipId: number;
  unitId: number;
  name: string;
  shortName: string | null;
  joinedOn: string;
  leftOn: string | null;
  displayOrder: number;
  isDemo: boolean;
  activeFocalPoints: number;
}

/** Every membership of the bloc with its unit and active focal point count, in display order. */
export async function listMembershipRows(db: Db, blocId: number): Promise<MembershipRow[]> {
  const rows = await db
    .selectFrom('bloc_membership as m')
    .innerJoin('unit as u', 'u.id', 'm.unit_id')
    .select([
      'm.id as membershipId',
      'u.id as unitId',
      'u.name',
      'u.short_name as shortName',
      'm.joined_on as joinedOn',
      'm.left_on as leftOn',
      'm.display_order as displayOrder',
      'u.is_demo',
    ])
    .select((eb) =>
      eb
        .selectFrom('focal_point as f')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('f.unit_id', '=', 'u.id')
        .where('f.status', '=', 'active')
        .as('activeFocalPoints'),
    )
    .where('m.bloc_id', '=', blocId)
    .orderBy('m.display_order')
    .orderBy('m.joined_on')
    .orderBy('m.id')
    .execute();
  return rows.map(({ is_demo, ...r }) => ({
    ...r,
    isDemo: is_demo === 1,
    activeFocalPoints: Number(r.activeFocalPoints ?? 0),
  }));
}

/** The unit's latest membership of the bloc, or undefined if it never belonged to it. */
export async function latestMembership(db: Db, blocId: number, unitId: number): Promise<BlocMembership | undefined> {
  const row = await db
    .selectFrom('bloc_membership')
    .selectAll()
    .where('bloc_id', '=', blocId)
    .where('unit_id', '=', unitId)
    .orderBy('joined_on', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row && toBlocMembership(row);
}

export async function updateMembershipDates(
  db: Db,
  membershipId: number,
  joinedOn: string,
  leftOn: string | null,
): Promise<void> {
  await db
    .updateTable('bloc_membership')
    .set({ joined_on: joinedOn, left_on: leftOn })
    .where('id', '=', membershipId)
    .execute();
}

export async function setDisplayOrder(db: Db, membershipId: number, displayOrder: number): Promise<void> {
  await db.updateTable('bloc_membership').set({ display_order: displayOrder }).where('id', '=', membershipId).execute();
}

/** The next display position in the bloc (after every existing membership). */
export async function nextDisplayOrder(db: Db, blocId: number): Promise<number> {
  const row = await db
    .selectFrom('bloc_membership')
    .select((eb) => eb.fn.max('display_order').as('n'))
    .where('bloc_id', '=', blocId)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}
