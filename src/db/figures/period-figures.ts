// What one period's reports say: figures per criterion and the notable results quoted in digests.
import type { ReportingPeriod } from '../../core/periods.js';
import type { Db } from '../connection.js';
import { listMemberUnits } from '../units.js';
import { blocAggregate } from './year-to-date.js';

export interface CriterionPeriodTotal {
  criterionId: number;
  code: string;
  title: string;
  unitOfMeasure: string | null;
  valueType: 'count' | 'decimal' | 'percent' | null;
  /** The period's figure for the bloc (sum; mean for percentages), members' reports only. */
  total: number;
  /** Units whose report for the period gave a value for this criterion. */
  reportingUnits: number;
}

/**
 * The period's figures per quantitative criterion of the covenant of the period's year (the
 * ISO-week year for weeks), counting only reports of units that were members during the period.
 */
export async function periodTotals(db: Db, blocId: number, period: ReportingPeriod): Promise<CriterionPeriodTotal[]> {
  const year = Number(period.key.slice(0, 4));
  const criteria = await db
    .selectFrom('covenant_criterion')
    .select(['id', 'code', 'title', 'unit_of_measure', 'value_type'])
    .where('bloc_id', '=', blocId)
    .where('year', '=', year)
    .where('kind', '=', 'quantitative')
    .orderBy('position')
    .orderBy('id')
    .execute();
  if (criteria.length === 0) return [];
  const members = new Set((await listMemberUnits(db, blocId, period.start, period.end)).map((u) => u.id));
  const rows = await db
    .selectFrom('report_value as v')
    .innerJoin('progress_report as r', 'r.id', 'v.report_id')
    .select(['r.unit_id', 'v.criterion_id', 'v.value'])
    .where('r.bloc_id', '=', blocId)
    .where('r.period_key', '=', period.key)
    .execute();
  return criteria.map((c) => {
    const values = rows.filter((r) => r.criterion_id === c.id && members.has(r.unit_id)).map((r) => r.value);
    return {
      criterionId: c.id,
      code: c.code,
      title: c.title,
      unitOfMeasure: c.unit_of_measure,
      valueType: c.value_type,
      total: blocAggregate(c.value_type, values),
      reportingUnits: values.length,
    };
  });
}

export interface NotableResult {
  unitId: number;
  unitName: string;
  shortName: string | null;
  text: string;
}

/** Notable results (kết quả nổi bật) of the period's reports, in the bloc's display order. */
export async function notableResults(
  db: Db,
  blocId: number,
  period: ReportingPeriod,
  limit = 5,
): Promise<NotableResult[]> {
  const members = await listMemberUnits(db, blocId, period.start, period.end);
  const rows = await db
    .selectFrom('progress_report')
    .select(['unit_id', 'notable_results'])
    .where('bloc_id', '=', blocId)
    .where('period_key', '=', period.key)
    .where('is_nil', '=', 0)
    .where('notable_results', 'is not', null)
    .execute();
  const textOf = new Map(rows.map((r) => [r.unit_id, (r.notable_results ?? '').trim()]));
  return members
    .filter((u) => (textOf.get(u.id) ?? '') !== '')
    .slice(0, limit)
    .map((u) => ({ unitId: u.id, unitName: u.name, shortName: u.shortName, text: textOf.get(u.id)! }));
}
