// The one set of queries behind every figure users see: the bot's /trangthai, the digests, the
// summaries, the documents and the admin dashboard all read through here, so they cannot disagree.
import { sql } from 'kysely';
import { type DeadlineRules, type PeriodDeadlines, type ReportingPeriod, isOnTime, periodDeadlines } from '../core/periods.js';
import { type ReportingRates, reportingRates } from '../core/reporting-rates.js';
import type { Db } from './connection.js';
import type { Bloc } from './schema.js';
import { listMemberUnits } from './units.js';

export function deadlineRulesOf(bloc: Pick<Bloc, 'grace_days' | 'lock_days'>): DeadlineRules {
  return { graceDays: bloc.grace_days, lockDays: bloc.lock_days };
}

export type UnitPeriodStatus = 'reported' | 'nil' | 'late' | 'missing';

export interface UnitPeriodRow {
  unitId: number;
  unitName: string;
  shortName: string | null;
  status: UnitPeriodStatus;
  reportId: number | null;
  isNil: boolean;
  submittedAt: Date | null;
  revision: number | null;
}

export interface PeriodStatus {
  period: ReportingPeriod;
  deadlines: PeriodDeadlines;
  units: UnitPeriodRow[];
  rates: ReportingRates;
}

/** Per expected unit: reported on time, nil, late or missing; and the period's rates. */
export async function periodStatus(
  db: Db,
  bloc: Pick<Bloc, 'id' | 'grace_days' | 'lock_days'>,
  period: ReportingPeriod,
  timeZone: string,
): Promise<PeriodStatus> {
  const deadlines = periodDeadlines(period, deadlineRulesOf(bloc), timeZone);
  const members = await listMemberUnits(db, bloc.id, period.start, period.end);
  const reports = await db
    .selectFrom('progress_report')
    .select(['id', 'unit_id', 'is_nil', 'first_submitted_at', 'revision'])
    .where('bloc_id', '=', bloc.id)
    .where('period_key', '=', period.key)
    .execute();
  const byUnit = new Map(reports.map((r) => [r.unit_id, r]));
  const units: UnitPeriodRow[] = members.map((u) => {
    const r = byUnit.get(u.id);
    const submittedAt = r ? new Date(r.first_submitted_at) : null;
    const status: UnitPeriodStatus = !r
      ? 'missing'
      : !isOnTime(submittedAt!, deadlines)
        ? 'late'
        : r.is_nil
          ? 'nil'
          : 'reported';
    return {
      unitId: u.id,
      unitName: u.name,
      shortName: u.short_name,
      status,
      reportId: r?.id ?? null,
      isNil: r ? r.is_nil === 1 : false,
      submittedAt,
      revision: r?.revision ?? null,
    };
  });
  const rates = reportingRates({
    expected: members.map((u) => u.id),
    reports: reports.map((r) => ({
      unitId: r.unit_id,
      periodKey: period.key,
      submittedAt: new Date(r.first_submitted_at),
      isNil: r.is_nil === 1,
    })),
    deadline: deadlines.deadline,
  });
  return { period, deadlines, units, rates };
}

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
 * member, count.
 */
export async function yearToDate(
  db: Db,
  blocId: number,
  year: number,
  upTo: string = `${year + 1}-12-31`,
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
  const members = await listMemberUnits(db, blocId, `${year}-01-01`, `${year}-12-31`);
  const targets = await db
    .selectFrom('covenant_target')
    .select(['criterion_id', 'unit_id', 'target'])
    .where(
      'criterion_id',
      'in',
      criteria.map((c) => c.id),
    )
    .execute();
  const sums = await db
    .selectFrom('report_value as v')
    .innerJoin('progress_report as r', 'r.id', 'v.report_id')
    .select(['r.unit_id', 'v.criterion_id'])
    .select((eb) => eb.fn.sum<number>('v.value').as('total'))
    .where('r.bloc_id', '=', blocId)
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
  const sumOf = new Map(sums.map((s) => [`${s.criterion_id}:${s.unit_id}`, Number(s.total)]));
  const targetOf = new Map(targets.map((t) => [`${t.criterion_id}:${t.unit_id}`, t.target]));
  return criteria.map((c) => {
    const byUnit = members.map((u) => ({
      unitId: u.id,
      total: sumOf.get(`${c.id}:${u.id}`) ?? 0,
      target: targetOf.get(`${c.id}:${u.id}`) ?? c.default_target ?? 0,
    }));
    return {
      criterionId: c.id,
      code: c.code,
      title: c.title,
      unitOfMeasure: c.unit_of_measure,
      valueType: c.value_type,
      maxPoints: c.max_points,
      total: byUnit.reduce((a, u) => a + u.total, 0),
      target: byUnit.reduce((a, u) => a + u.target, 0),
      byUnit,
    };
  });
}
