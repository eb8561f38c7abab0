// Per-unit status and the reporting rates of one period (the dashboard, /trangthai, digests, reminders).
import {
  type DeadlineRules,
  type PeriodDeadlines,
  type ReportingPeriod,
  isOnTime,
  periodDeadlines,
} from '../../core/periods.js';
import { type ReportingRates, reportingRates } from '../../core/reporting-rates.js';
import type { Db } from '../connection.js';
import type { Bloc } from '../blocs.js';
import { listMemberUnits } from '../units.js';

export function deadlineRulesOf(bloc: Pick<Bloc, 'graceDays' | 'lockDays'>): DeadlineRules {
  return { graceDays: bloc.graceDays, lockDays: bloc.lockDays };
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
  bloc: Pick<Bloc, 'id' | 'graceDays' | 'lockDays'>,
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
      shortName: u.shortName,
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
