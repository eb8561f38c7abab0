// The one set of queries behind every figure users see: the bot's /trangthai, the digests, the
// summaries, the documents and the admin dashboard all read through here, so they cannot disagree.
import { sql } from 'kysely';
import { type DeadlineRules, type PeriodDeadlines, type ReportingPeriod, isOnTime, periodDeadlines } from '../core/periods.js';
import { type ReportingRates, expectedUnits, isMemberDuring, reportingRates } from '../core/reporting-rates.js';
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
 * member, count; the units listed are those that were members between 1 January and `upTo`.
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
  // Units that join after upTo are not part of this year-to-date yet.
  const members = await listMemberUnits(db, blocId, `${year}-01-01`, upTo < `${year}-12-31` ? upTo : `${year}-12-31`);
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
    .select((eb) => [eb.fn.sum<number>('v.value').as('total'), eb.fn.count<number>('v.value').as('n')])
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
      total: blocAggregate(c.value_type, reporting.map((u) => u.total)),
      target: blocAggregate(c.value_type, byUnit.map((u) => u.target)),
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

function blocAggregate(valueType: CriterionProgress['valueType'], values: number[]): number {
  const sum = values.reduce((a, v) => a + v, 0);
  return aggregateValue(valueType, sum, values.length);
}

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
export async function notableResults(db: Db, blocId: number, period: ReportingPeriod, limit = 5): Promise<NotableResult[]> {
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
    .map((u) => ({ unitId: u.id, unitName: u.name, shortName: u.short_name, text: textOf.get(u.id)! }));
}

/** Reporting counts over several periods. Rates are over the expected reports. */
export interface RateTotals {
  expected: number;
  received: number;
  onTime: number;
  late: number;
  nil: number;
  reportingRate: number | null;
  onTimeRate: number | null;
}

export interface RatesOverPeriods {
  periods: number;
  bloc: RateTotals;
  byUnit: Map<number, RateTotals>;
}

function emptyTotals(): RateTotals {
  return { expected: 0, received: 0, onTime: 0, late: 0, nil: 0, reportingRate: null, onTimeRate: null };
}

function withRates(t: RateTotals): RateTotals {
  return {
    ...t,
    reportingRate: t.expected === 0 ? null : t.received / t.expected,
    onTimeRate: t.expected === 0 ? null : t.onTime / t.expected,
  };
}

/**
 * Reporting and on-time rates over the given periods, for the bloc and per unit, with the same
 * rules as periodStatus: a unit is expected for each period it was a member during, a nil report
 * counts as received, a report is on time iff first submitted before the period's deadline.
 */
export async function ratesOverPeriods(
  db: Db,
  bloc: Pick<Bloc, 'id' | 'grace_days' | 'lock_days'>,
  periods: ReportingPeriod[],
  timeZone: string,
): Promise<RatesOverPeriods> {
  const memberships = (
    await db.selectFrom('bloc_membership').select(['unit_id', 'joined_on', 'left_on']).where('bloc_id', '=', bloc.id).execute()
  ).map((m) => ({ unitId: m.unit_id, joinedOn: m.joined_on, leftOn: m.left_on }));
  const keys = new Set(periods.map((p) => p.key));
  const years = [...new Set(periods.map((p) => p.key.slice(0, 4)))];
  const reports =
    periods.length === 0
      ? []
      : await db
          .selectFrom('progress_report')
          .select(['unit_id', 'period_key', 'first_submitted_at', 'is_nil'])
          .where('bloc_id', '=', bloc.id)
          .where((eb) => eb.or(years.map((y) => eb('period_key', 'like', `${y}-%`))))
          .execute();
  const byPeriod = new Map<string, typeof reports>();
  for (const r of reports) {
    if (!keys.has(r.period_key)) continue;
    const list = byPeriod.get(r.period_key);
    if (list) list.push(r);
    else byPeriod.set(r.period_key, [r]);
  }
  const blocTotals = emptyTotals();
  const byUnit = new Map<number, RateTotals>();
  const rules = deadlineRulesOf(bloc);
  for (const period of periods) {
    const expected = expectedUnits(memberships, period);
    const { deadline } = periodDeadlines(period, rules, timeZone);
    const received = new Map((byPeriod.get(period.key) ?? []).map((r) => [r.unit_id, r]));
    for (const unitId of expected) {
      const u = byUnit.get(unitId) ?? emptyTotals();
      byUnit.set(unitId, u);
      const r = received.get(unitId);
      for (const t of [u, blocTotals]) {
        t.expected += 1;
        if (!r) continue;
        t.received += 1;
        if (isOnTime(new Date(r.first_submitted_at), { deadline })) t.onTime += 1;
        else t.late += 1;
        if (r.is_nil) t.nil += 1;
      }
    }
  }
  return {
    periods: periods.length,
    bloc: withRates(blocTotals),
    byUnit: new Map([...byUnit].map(([id, t]) => [id, withRates(t)])),
  };
}

export interface ExportedReport {
  reportId: number;
  unitId: number;
  unitName: string;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  isNil: boolean;
  onTime: boolean;
  /** False for a report filed while the unit was not a member: kept, but not in any total. */
  counted: boolean;
  firstSubmittedAt: string;
  updatedAt: string;
  revision: number;
  via: string;
  notableResults: string | null;
  difficulties: string | null;
  proposals: string | null;
  values: Map<number, number>;
}

/** Every report the bloc holds for periods of `year`, oldest period first, in display order. */
export async function reportsOfYear(
  db: Db,
  bloc: Pick<Bloc, 'id' | 'grace_days' | 'lock_days'>,
  year: number,
  timeZone: string,
): Promise<ExportedReport[]> {
  const reports = await db
    .selectFrom('progress_report as r')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .select([
      'r.id', 'r.unit_id', 'u.name as unit_name', 'r.period_kind', 'r.period_key', 'r.period_start', 'r.period_end',
      'r.is_nil', 'r.first_submitted_at', 'r.updated_at', 'r.revision', 'r.submitted_via',
      'r.notable_results', 'r.difficulties', 'r.proposals',
    ])
    .where('r.bloc_id', '=', bloc.id)
    .where('r.period_key', 'like', `${year}-%`)
    .execute();
  const values = await db
    .selectFrom('report_value as v')
    .innerJoin('progress_report as r', 'r.id', 'v.report_id')
    .select(['v.report_id', 'v.criterion_id', 'v.value'])
    .where('r.bloc_id', '=', bloc.id)
    .where('r.period_key', 'like', `${year}-%`)
    .execute();
  const memberships = (
    await db
      .selectFrom('bloc_membership')
      .select(['unit_id', 'joined_on', 'left_on', 'display_order'])
      .where('bloc_id', '=', bloc.id)
      .execute()
  ).map((m) => ({ unitId: m.unit_id, joinedOn: m.joined_on, leftOn: m.left_on, displayOrder: m.display_order }));
  const orderOf = new Map<number, number>();
  for (const m of memberships) orderOf.set(m.unitId, Math.min(orderOf.get(m.unitId) ?? m.displayOrder, m.displayOrder));
  const valuesOf = new Map<number, Map<number, number>>();
  for (const v of values) {
    const map = valuesOf.get(v.report_id) ?? new Map<number, number>();
    map.set(v.criterion_id, v.value);
    valuesOf.set(v.report_id, map);
  }
  const rules = deadlineRulesOf(bloc);
  return reports
    .map((r) => {
      const period = { start: r.period_start, end: r.period_end };
      const { deadline } = periodDeadlines({ ...period, kind: r.period_kind, key: r.period_key, label: '' }, rules, timeZone);
      return {
        reportId: r.id,
        unitId: r.unit_id,
        unitName: r.unit_name,
        periodKey: r.period_key,
        periodStart: r.period_start,
        periodEnd: r.period_end,
        isNil: r.is_nil === 1,
        onTime: isOnTime(new Date(r.first_submitted_at), { deadline }),
        counted: memberships.some((m) => m.unitId === r.unit_id && isMemberDuring(m, period)),
        firstSubmittedAt: r.first_submitted_at,
        updatedAt: r.updated_at,
        revision: r.revision,
        via: r.submitted_via,
        notableResults: r.notable_results,
        difficulties: r.difficulties,
        proposals: r.proposals,
        values: valuesOf.get(r.id) ?? new Map<number, number>(),
      };
    })
    .sort(
      (a, b) =>
        a.periodStart.localeCompare(b.periodStart) ||
        (orderOf.get(a.unitId) ?? 0) - (orderOf.get(b.unitId) ?? 0) ||
        a.unitId - b.unitId,
    );
}
