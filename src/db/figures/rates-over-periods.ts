// Reporting and on-time counts over many periods (mid-year and annual summaries).
import { type ReportingPeriod, isOnTime, periodDeadlines } from '../../core/periods.js';
import { expectedUnits } from '../../core/reporting-rates.js';
import type { Db } from '../connection.js';
import type { Bloc } from '../blocs.js';
import { deadlineRulesOf } from './period-status.js';

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
  bloc: Pick<Bloc, 'id' | 'graceDays' | 'lockDays'>,
  periods: ReportingPeriod[],
  timeZone: string,
): Promise<RatesOverPeriods> {
  const memberships = (
    await db
      .selectFrom('bloc_membership')
      .select(['unit_id', 'joined_on', 'left_on'])
      .where('bloc_id', '=', bloc.id)
      .execute()
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
