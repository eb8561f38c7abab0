import type { Db } from './connection.js';
import type { BlocMembership, Unit } from './schema.js';

export async function createUnit(
  db: Db,
  unit: { name: string; short_name?: string | null; is_demo?: 0 | 1 },
): Promise<Unit> {
  return db
    .insertInto('unit')
    .values({ name: unit.name, short_name: unit.short_name ?? null, is_demo: unit.is_demo ?? 0 })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getUnit(db: Db, id: number): Promise<Unit | undefined> {
  return db.selectFrom('unit').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function renameUnit(db: Db, id: number, name: string, shortName: string | null): Promise<void> {
  await db.updateTable('unit').set({ name, short_name: shortName }).where('id', '=', id).execute();
}

export async function addMembership(
  db: Db,
  m: { blocId: number; unitId: number; joinedOn: string; leftOn?: string | null; displayOrder?: number },
): Promise<BlocMembership> {
  return db
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
  return db
    .selectFrom('bloc_membership')
    .selectAll()
    .where('bloc_id', '=', blocId)
    .orderBy('display_order')
    .orderBy('joined_on')
    .execute();
}

export type MemberUnit = Unit & { joined_on: string; left_on: string | null; display_order: number };

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
  return rows.filter((r) => {
    if (seen.has(r.id)) return false;
    seen.add(r.id);
    return true;
  });
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
  return db
    .selectFrom('bloc_membership')
    .selectAll()
    .where('bloc_id', '=', blocId)
    .where('unit_id', '=', unitId)
    .orderBy('joined_on', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
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
