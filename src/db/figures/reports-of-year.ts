// Every report of a bloc's year, for the .xlsx and .csv exports.
import { isOnTime, periodDeadlines } from '../../core/periods.js';
import { isMemberDuring } from '../../core/reporting-rates.js';
import type { Db } from '../connection.js';
import type { Bloc } from '../blocs.js';
import { deadlineRulesOf } from './period-status.js';

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
  bloc: Pick<Bloc, 'id' | 'graceDays' | 'lockDays'>,
  year: number,
  timeZone: string,
): Promise<ExportedReport[]> {
  const reports = await db
    .selectFrom('progress_report as r')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .select([
      'r.id',
      'r.unit_id',
      'u.name as unit_name',
      'r.period_kind',
      'r.period_key',
      'r.period_start',
      'r.period_end',
      'r.is_nil',
      'r.first_submitted_at',
      'r.updated_at',
      'r.revision',
      'r.submitted_via',
      'r.notable_results',
      'r.difficulties',
      'r.proposals',
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
      const { deadline } = periodDeadlines(
        { ...period, kind: r.period_kind, key: r.period_key, label: '' },
        rules,
        timeZone,
      );
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
