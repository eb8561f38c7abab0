import type { Db } from './connection.js';
import type { ScoreAdjustmentRow } from './schema.js';

/** A bonus or deduction entry (decision 0092). */
export interface ScoreAdjustment {
  id: number;
  blocId: number;
  unitId: number;
  year: number;
  kind: 'bonus' | 'deduction';
  points: number;
  reason: string;
  createdBy: string;
  createdAt: string;
}

/** Adds a bonus (điểm thưởng) or deduction (điểm trừ); validate first, write the audit log beside it. */
export async function addScoreAdjustment(
  db: Db,
  a: {
    blocId: number;
    unitId: number;
    year: number;
    kind: 'bonus' | 'deduction';
    points: number;
    reason: string;
    createdBy: string;
    now: Date;
  },
): Promise<ScoreAdjustment> {
  const row = await db
    .insertInto('score_adjustment')
    .values({
      bloc_id: a.blocId,
      unit_id: a.unitId,
      year: a.year,
      kind: a.kind,
      points: a.points,
      reason: a.reason,
      created_by: a.createdBy,
      created_at: a.now.toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toScoreAdjustment(row);
}

export function toScoreAdjustment(r: ScoreAdjustmentRow): ScoreAdjustment {
  return {
    id: r.id,
    blocId: r.bloc_id,
    unitId: r.unit_id,
    year: r.year,
    kind: r.kind,
    points: r.points,
    reason: r.reason,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

/** The bloc's bonus and deduction entries for a year, oldest first. */
export async function listScoreAdjustments(db: Db, blocId: number, year: number): Promise<ScoreAdjustment[]> {
  const rows = await db
    .selectFrom('score_adjustment')
    .selectAll()
    .where('bloc_id', '=', blocId)
    .where('year', '=', year)
    .orderBy('id')
    .execute();
  return rows.map(toScoreAdjustment);
}

/** One entry of the bloc, or undefined when the id is not the bloc's (for the admin's remove action). */
export async function getScoreAdjustment(db: Db, blocId: number, id: number): Promise<ScoreAdjustment | undefined> {
  const row = await db
    .selectFrom('score_adjustment')
    .selectAll()
    .where('id', '=', id)
    .where('bloc_id', '=', blocId)
    .executeTakeFirst();
  return row ? toScoreAdjustment(row) : undefined;
}

/** Removes one entry of the bloc; returns false when it does not exist there. */
export async function removeScoreAdjustment(db: Db, blocId: number, id: number): Promise<boolean> {
  const r = await db
    .deleteFrom('score_adjustment')
    .where('id', '=', id)
    .where('bloc_id', '=', blocId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export interface CriterionAssessment {
  criterionId: number;
  unitId: number;
  met: boolean;
  note: string | null;
  assessedBy: string;
  assessedAt: string;
}

/** Records met / not met for a qualitative criterion and a unit (replacing an earlier entry). */
export async function setCriterionAssessment(
  db: Db,
  a: { criterionId: number; unitId: number; met: boolean; note: string | null; assessedBy: string; now: Date },
): Promise<void> {
  const values = {
    met: a.met ? (1 as const) : (0 as const),
    note: a.note,
    assessed_by: a.assessedBy,
    assessed_at: a.now.toISOString(),
  };
  await db
    .insertInto('criterion_assessment')
    .values({ criterion_id: a.criterionId, unit_id: a.unitId, ...values })
    .onConflict((oc) => oc.columns(['criterion_id', 'unit_id']).doUpdateSet(values))
    .execute();
}

/** Assessments of the qualitative criteria of the bloc's covenant for a year. */
export async function listCriterionAssessments(db: Db, blocId: number, year: number): Promise<CriterionAssessment[]> {
  const rows = await db
    .selectFrom('criterion_assessment as a')
    .innerJoin('covenant_criterion as c', 'c.id', 'a.criterion_id')
    .select(['a.criterion_id', 'a.unit_id', 'a.met', 'a.note', 'a.assessed_by', 'a.assessed_at'])
    .where('c.bloc_id', '=', blocId)
    .where('c.year', '=', year)
    .execute();
  return rows.map((r) => ({
    criterionId: r.criterion_id,
    unitId: r.unit_id,
    met: r.met === 1,
    note: r.note,
    assessedBy: r.assessed_by,
    assessedAt: r.assessed_at,
  }));
}
