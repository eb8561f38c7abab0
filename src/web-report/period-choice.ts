// Which period a request is about. A period key comes from the browser, so it is only ever
// compared with the periods of the holder's own bloc: open ones can be reported, a closed one of
// the bloc's cadence can only be looked at, anything else is refused.
import { periodFromKey, type ReportingPeriod } from '../core/periods.js';
import type { Db } from '../db/connection.js';
import { getReport } from '../db/reports.js';
import type { Bloc } from '../db/blocs.js';
import { openPeriods } from '../reporting/report-context.js';

export type PeriodChoice =
  | { kind: 'open'; period: ReportingPeriod; current: ReportingPeriod }
  | { kind: 'closed'; period: ReportingPeriod; current: ReportingPeriod }
  | { kind: 'invalid'; current: ReportingPeriod };

/** The period named by `key` (the current one when absent). */
export function choosePeriod(bloc: Bloc, key: string | undefined, now: Date, timeZone: string): PeriodChoice {
  const open = openPeriods(bloc, now, timeZone);
  const current = open[0]!;
  if (key === undefined || key === '') return { kind: 'open', period: current, current };
  const found = open.find((p) => p.key === key);
  if (found) return { kind: 'open', period: found, current };
  let period: ReportingPeriod;
  try {
    period = periodFromKey(key);
  } catch {
    return { kind: 'invalid', current };
  }
  // Only periods of the bloc's cadence that have begun exist for its reports.
  if (period.kind !== bloc.reportingCadence || period.start > current.start) return { kind: 'invalid', current };
  return { kind: 'closed', period, current };
}

/**
 * The period a link opens on when it names none: the oldest open period the unit has not reported
 * yet, else the current one. On the day after a week ends its report is the one due (and the one
 * the reminders chase), while the new week has only begun: opening on the new week let people in a
 * hurry fill in the wrong one.
 */
export async function periodToOpen(db: Db, bloc: Bloc, unitId: number, now: Date, timeZone: string): Promise<string> {
  const open = openPeriods(bloc, now, timeZone);
  for (const p of [...open].reverse()) {
    if (!(await getReport(db, bloc.id, unitId, p.key))) return p.key;
  }
  return open[0]!.key;
}
