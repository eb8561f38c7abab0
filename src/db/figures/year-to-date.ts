// Year-to-date totals per criterion and unit against the covenant targets.
import { sql } from 'kysely';
import type { Db } from '../connection.js';
import { listMemberUnits } from '../units.js';

export interface CriterionProgress {
  criterionId: number;
  code: string;
  title: string;
  unitOfMeasure: string | null;
  valueType: 'count' | 'decimal' | 'percent' | null;
  maxPoints: number;
  total: number;
  target: number;
  byUnit: { unitId: number; total: number; target: number }[];
}

/**
 * Year-to-date totals of each quantitative criterion of the bloc's covenant for `year`, per member
 * unit and for the bloc, against the targets. Only reports of periods of that year (ISO-week
 * year for weekly reporting) whose start is on or before `upTo`, and only while the unit was a
 * member, count; the units listed are those that were members between 1 January and `upTo`.
 */
export async function yearToDate(
  db: Db,
  blocId: number,
  year: number,
  upTo: string = `${year + 1}-12-31`,
): Promise<CriterionProgress[]> {
  return progress(db, blocId, year, upTo, undefined);
}

/**
 * The same figures for one unit only (its /trangthai, its web form): byUnit holds that unit alone
 * (nothing when it was not a member), and the bloc's total and target are left out, so only that
 * unit's reports are summed.
 */
export async function unitYearToDate(
  db: Db,
  blocId: number,
  unitId: number,
  year: number,
  upTo: string = `${year + 1}-12-31`,
): Promise<Omit<CriterionProgress, 'total' | 'target'>[]> {
  return (await progress(db, blocId, year, upTo, unitId)).map(({ total, target, ...unitOnly }) => unitOnly);
}

async function progress(
  db: Db,
  blocId: number,
  year: number,
  upTo: string,
  unitId: number | undefined,
): Promise<CriterionProgress[]> {
  const criteria = await db
    .selectFrom('covenant_criterion')
    .selectAll()
    .where('bloc_id', '=', blocId)
    .where('year', '=', year)
    .where('kind', '=', 'quantitative')
    .orderBy('position')
    .orderBy('id')
    .execute();
  if (criteria.length === 0) return [];
  // Units that join after upTo are not part of this year-to-date yet.
  const members = (
    await listMemberUnits(db, blocId, `${year}-01-01`, upTo < `${year}-12-31` ? upTo : `${year}-12-31`)
  ).filter((u) => unitId === undefined || u.id === unitId);
  const targets = await db
    .selectFrom('covenant_target')
    .select(['criterion_id', 'unit_id', 'target'])
    .where(
      'criterion_id',
      'in',
      criteria.map((c) => c.id),
    )
    .$if(unitId !== undefined, (q) => q.where('unit_id', '=', unitId!))
    .execute();
  const sums = await db
    .selectFrom('report_value as v')
    .innerJoin('progress_report as r', 'r.id', 'v.report_id')
    .select(['r.unit_id', 'v.criterion_id'])
    .select((eb) => [eb.fn.sum<number>('v.value').as('total'), eb.fn.count<number>('v.value').as('n')])
    .where('r.bloc_id', '=', blocId)
    .$if(unitId !== undefined, (q) => q.where('r.unit_id', '=', unitId!))
    .where('r.period_key', 'like', `${year}-%`)
    .where('r.period_start', '<=', upTo)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('bloc_membership as m')
          .select(sql`1`.as('one'))
          .whereRef('m.bloc_id', '=', 'r.bloc_id')
          .whereRef('m.unit_id', '=', 'r.unit_id')
          .whereRef('m.joined_on', '<=', 'r.period_end')
          .where((eb) => eb.or([eb('m.left_on', 'is', null), eb('m.left_on', '>=', eb.ref('r.period_start'))])),
      ),
    )
    .groupBy(['r.unit_id', 'v.criterion_id'])
    .execute();
  const sumOf = new Map(sums.map((s) => [`${s.criterion_id}:${s.unit_id}`, { sum: Number(s.total), n: Number(s.n) }]));
  const targetOf = new Map(targets.map((t) => [`${t.criterion_id}:${t.unit_id}`, t.target]));
  return criteria.map((c) => {
    const byUnit = members.map((u) => {
      const s = sumOf.get(`${c.id}:${u.id}`);
      return {
        unitId: u.id,
        total: s ? aggregateValue(c.value_type, s.sum, s.n) : 0,
        target: targetOf.get(`${c.id}:${u.id}`) ?? c.default_target ?? 0,
      };
    });
    const reporting = byUnit.filter((u) => sumOf.has(`${c.id}:${u.unitId}`));
    return {
      criterionId: c.id,
      code: c.code,
      title: c.title,
      unitOfMeasure: c.unit_of_measure,
      valueType: c.value_type,
      maxPoints: c.max_points,
      total: blocAggregate(
        c.value_type,
        reporting.map((u) => u.total),
      ),
      target: blocAggregate(
        c.value_type,
        byUnit.map((u) => u.target),
      ),
      byUnit,
    };
  });
}

/**
 * Counts and amounts add up over periods; a percentage (e.g. the share of commendations for direct
 * workers) is averaged instead, since a sum of weekly percentages means nothing
 * (docs/decisions/0030-summary-figures.md).
 */
function aggregateValue(valueType: CriterionProgress['valueType'], sum: number, n: number): number {
  if (valueType !== 'percent') return sum;
  return n === 0 ? 0 : Math.round((sum / n) * 100) / 100;
}

export function blocAggregate(valueType: CriterionProgress['valueType'], values: number[]): number {
  const sum = values.reduce((a, v) => a + v, 0);
  return aggregateValue(valueType, sum, values.length);
}
