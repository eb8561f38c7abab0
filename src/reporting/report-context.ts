// The facts around a report that every channel (the bot, the personal web form) needs from the
// database: open periods, deadlines, the covenant's criteria for the period's year, and the report
// already stored for the period.
import type { ExistingReport } from '../core/report-flow/machine.js';
import { toFlowCriteria } from '../core/report-flow/submission.js';
import type { FlowCriterion, FlowPeriod } from '../core/report-flow/types.js';
import {
  openPeriodsForReporting,
  periodDeadlines,
  type PeriodDeadlines,
  type ReportingPeriod,
} from '../core/periods.js';
import { addDays, formatDateVi } from '../core/time.js';
import type { Db } from '../db/connection.js';
import { listCriteria } from '../db/covenant.js';
import { deadlineRulesOf } from '../db/figures.js';
import { getReport, getReportValues, listAttachments, type ProgressReport } from '../db/reports.js';
import type { Bloc } from '../db/blocs.js';
import type { Reporter } from './reporter.js';

/** Periods the focal point may report for now, the current one first. */
export function openPeriods(bloc: Bloc, now: Date, timeZone: string): ReportingPeriod[] {
  return openPeriodsForReporting(bloc.reportingCadence, now, deadlineRulesOf(bloc), timeZone);
}

export function deadlinesOf(
  bloc: Bloc,
  period: Pick<ReportingPeriod, 'kind' | 'key' | 'start' | 'end'>,
  timeZone: string,
): PeriodDeadlines {
  return periodDeadlines({ ...period, label: '' }, deadlineRulesOf(bloc), timeZone);
}

/** The last day a report is on time, as shown to users (dd/mm/yyyy). */
export function dueDateOf(bloc: Bloc, period: { end: string }): string {
  return formatDateVi(addDays(period.end, bloc.graceDays));
}

/** The period's lock date, as shown to users (after it, only an admin changes the report). */
export function lockDateOf(bloc: Bloc, period: { end: string }): string {
  return formatDateVi(addDays(period.end, bloc.lockDays));
}

/** The covenant year a period reports against: the year of its key (ISO-week year for weeks). */
export function yearOfPeriod(period: { key: string }): number {
  return Number(period.key.slice(0, 4));
}

export function toFlowPeriod(p: ReportingPeriod): FlowPeriod {
  if (p.kind !== 'week' && p.kind !== 'month') throw new Error(`reports are weekly or monthly, not ${p.kind}`);
  return { kind: p.kind, key: p.key, start: p.start, end: p.end, label: p.label };
}

export interface DraftTarget {
  period: FlowPeriod;
  criteria: FlowCriterion[];
  existing: ExistingReport | null;
  stored: ProgressReport | undefined;
}

/** Everything needed to start (or move) a draft for the period. */
export async function draftTarget(
  db: Db,
  s: Pick<Reporter, 'unit' | 'bloc'>,
  period: ReportingPeriod,
): Promise<DraftTarget> {
  const criteria = toFlowCriteria(await listCriteria(db, s.bloc.id, yearOfPeriod(period)));
  const stored = await getReport(db, s.bloc.id, s.unit.id, period.key);
  let existing: ExistingReport | null = null;
  if (stored) {
    const values = await getReportValues(db, stored.id);
    existing = {
      reportId: stored.id,
      revision: stored.revision,
      isNil: stored.isNil,
      attachmentCount: (await listAttachments(db, stored.id)).length,
      values,
      texts: { notableResults: stored.notableResults, difficulties: stored.difficulties, proposals: stored.proposals },
    };
  }
  return { period: toFlowPeriod(period), criteria, existing, stored };
}
