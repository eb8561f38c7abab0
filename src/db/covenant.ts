import type { Insertable } from 'kysely';
import type { Db } from './connection.js';
import type { CovenantCriterion, CovenantCriterionTable } from './schema.js';

export async function createCriterion(db: Db, c: Insertable<CovenantCriterionTable>): Promise<CovenantCriterion> {
  return db.insertInto('covenant_criterion').values(c).returningAll().executeTakeFirstOrThrow();
}

export async function listCriteria(db: Db, blocId: number, year: number): Promise<CovenantCriterion[]> {
  return db
    .selectFrom('covenant_criterion')
    .selectAll()
    .where('bloc_id', '=', blocId)
    .where('year', '=', year)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function setTarget(db: Db, criterionId: number, unitId: number, target: number): Promise<void> {
  await db
    .insertInto('covenant_target')
    .values({ criterion_id: criterionId, unit_id: unitId, target })
    .onConflict((oc) => oc.columns(['criterion_id', 'unit_id']).doUpdateSet({ target }))
    .execute();
}

/** Each unit's target per criterion of the bloc's year; a missing row falls back to default_target. */
export async function listTargets(db: Db, blocId: number, year: number) {
  return db
    .selectFrom('covenant_target as t')
    .innerJoin('covenant_criterion as c', 'c.id', 't.criterion_id')
    .select(['t.criterion_id', 't.unit_id', 't.target'])
    .where('c.bloc_id', '=', blocId)
    .where('c.year', '=', year)
    .execute();
}

export async function signCovenant(
  db: Db,
  s: { blocId: number; year: number; unitId: number; signedOn: string; signedBy?: string | null },
): Promise<void> {
  await db
    .insertInto('covenant_signature')
    .values({
      bloc_id: s.blocId,
      year: s.year,
      unit_id: s.unitId,
      signed_on: s.signedOn,
      signed_by: s.signedBy ?? null,
    })
    .onConflict((oc) =>
      oc.columns(['bloc_id', 'year', 'unit_id']).doUpdateSet({ signed_on: s.signedOn, signed_by: s.signedBy ?? null }),
    )
    .execute();
}

export async function listSignatures(db: Db, blocId: number, year: number) {
  return db
    .selectFrom('covenant_signature')
    .selectAll()
    .where('bloc_id', '=', blocId)
    .where('year', '=', year)
    .execute();
}

export async function getCriterion(db: Db, id: number): Promise<CovenantCriterion | undefined> {
  return db.selectFrom('covenant_criterion').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateCriterion(
  db: Db,
  id: number,
  c: Pick<
    CovenantCriterion,
    'code' | 'title' | 'kind' | 'value_type' | 'unit_of_measure' | 'default_target' | 'max_points'
  >,
): Promise<void> {
  await db.updateTable('covenant_criterion').set(c).where('id', '=', id).execute();
}

/** Removes a criterion and its targets; only for one no report has a value for. */
export async function deleteCriterion(db: Db, id: number): Promise<void> {
  await db.deleteFrom('covenant_criterion').where('id', '=', id).execute();
}

/** How many report values a criterion holds (a criterion with values is never deleted). */
export async function countCriterionValues(db: Db, id: number): Promise<number> {
  const row = await db
    .selectFrom('report_value')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('criterion_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A unit's target falls back to the criterion's default target. */
export async function clearTarget(db: Db, criterionId: number, unitId: number): Promise<void> {
  await db
    .deleteFrom('covenant_target')
    .where('criterion_id', '=', criterionId)
    .where('unit_id', '=', unitId)
    .execute();
}

export async function unsignCovenant(db: Db, blocId: number, year: number, unitId: number): Promise<void> {
  await db
    .deleteFrom('covenant_signature')
    .where('bloc_id', '=', blocId)
    .where('year', '=', year)
    .where('unit_id', '=', unitId)
    .execute();
}

/** Years for which the bloc has a covenant, newest first. */
export async function listCovenantYears(db: Db, blocId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('covenant_criterion')
    .select('year')
    .distinct()
    .where('bloc_id', '=', blocId)
    .orderBy('year', 'desc')
    .execute();
  return rows.map((r) => r.year);
}
