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
    .values({ bloc_id: s.blocId, year: s.year, unit_id: s.unitId, signed_on: s.signedOn, signed_by: s.signedBy ?? null })
    .onConflict((oc) =>
      oc.columns(['bloc_id', 'year', 'unit_id']).doUpdateSet({ signed_on: s.signedOn, signed_by: s.signedBy ?? null }),
    )
    .execute();
}

export async function listSignatures(db: Db, blocId: number, year: number) {
  return db.selectFrom('covenant_signature').selectAll().where('bloc_id', '=', blocId).where('year', '=', year).execute();
}
