import type { Db } from './connection.js';
import type { CovenantCriterionRow } from './schema.js';

/** A criterion of a bloc's covenant (giao ước thi đua) for one year (decision 0092). */
export interface CovenantCriterion {
  id: number;
  blocId: number;
  year: number;
  code: string;
  title: string;
  kind: 'quantitative' | 'qualitative';
  /** What a quantitative criterion's values count; null for a qualitative one. */
  valueType: 'count' | 'decimal' | 'percent' | null;
  unitOfMeasure: string | null;
  /** Each unit's target unless it has its own. */
  defaultTarget: number | null;
  maxPoints: number;
  position: number;
}

export function toCovenantCriterion(row: CovenantCriterionRow): CovenantCriterion {
  return {
    id: row.id,
    blocId: row.bloc_id,
    year: row.year,
    code: row.code,
    title: row.title,
    kind: row.kind,
    valueType: row.value_type,
    unitOfMeasure: row.unit_of_measure,
    defaultTarget: row.default_target,
    maxPoints: row.max_points,
    position: row.position,
  };
}

/** A new criterion; maxPoints and position take the schema's defaults when left out. */
export type NewCovenantCriterion = Omit<CovenantCriterion, 'id' | 'maxPoints' | 'position'> &
  Partial<Pick<CovenantCriterion, 'maxPoints' | 'position'>>;

/** What an admin edits of a criterion. */
export type CovenantCriterionEdit = Pick<
  CovenantCriterion,
  'code' | 'title' | 'kind' | 'valueType' | 'unitOfMeasure' | 'defaultTarget' | 'maxPoints'
>;

/** A unit's own target for a criterion (the criterion's default target applies without one). */
export interface CovenantTarget {
  criterionId: number;
  unitId: number;
  target: number;
}

/** A unit's signature of its bloc's covenant for a year. */
export interface CovenantSignature {
  blocId: number;
  year: number;
  unitId: number;
  /** 'YYYY-MM-DD'. */
  signedOn: string;
  signedBy: string | null;
}

export async function createCriterion(db: Db, c: NewCovenantCriterion): Promise<CovenantCriterion> {
  // Kysely leaves out a column whose value is undefined: maxPoints and position then take their defaults.
  const row = await db
    .insertInto('covenant_criterion')
    .values({
      bloc_id: c.blocId,
      year: c.year,
      code: c.code,
      title: c.title,
      kind: c.kind,
      value_type: c.valueType,
      unit_of_measure: c.unitOfMeasure,
      default_target: c.defaultTarget,
      max_points: c.maxPoints,
      position: c.position,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCovenantCriterion(row);
}

export async function listCriteria(db: Db, blocId: number, year: number): Promise<CovenantCriterion[]> {
  const rows = await db
    .selectFrom('covenant_criterion')
    .selectAll()
    .where('bloc_id', '=', blocId)
    .where('year', '=', year)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map(toCovenantCriterion);
}

export async function setTarget(db: Db, criterionId: number, unitId: number, target: number): Promise<void> {
  await db
    .insertInto('covenant_target')
    .values({ criterion_id: criterionId, unit_id: unitId, target })
    .onConflict((oc) => oc.columns(['criterion_id', 'unit_id']).doUpdateSet({ target }))
    .execute();
}

/** Each unit's target per criterion of the bloc's year; a missing row falls back to default_target. */
export async function listTargets(db: Db, blocId: number, year: number): Promise<CovenantTarget[]> {
  return db
    .selectFrom('covenant_target as t')
    .innerJoin('covenant_criterion as c', 'c.id', 't.criterion_id')
    .select(['t.criterion_id as criterionId', 't.unit_id as unitId', 't.target'])
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

export async function listSignatures(db: Db, blocId: number, year: number): Promise<CovenantSignature[]> {
  return db
    .selectFrom('covenant_signature')
    .select(['bloc_id as blocId', 'year', 'unit_id as unitId', 'signed_on as signedOn', 'signed_by as signedBy'])
    .where('bloc_id', '=', blocId)
    .where('year', '=', year)
    .execute();
}

export async function getCriterion(db: Db, id: number): Promise<CovenantCriterion | undefined> {
  const row = await db.selectFrom('covenant_criterion').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toCovenantCriterion(row);
}

export async function updateCriterion(db: Db, id: number, c: CovenantCriterionEdit): Promise<void> {
  await db
    .updateTable('covenant_criterion')
    .set({
      code: c.code,
      title: c.title,
      kind: c.kind,
      value_type: c.valueType,
      unit_of_measure: c.unitOfMeasure,
      default_target: c.defaultTarget,
      max_points: c.maxPoints,
    })
    .where('id', '=', id)
    .execute();
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
