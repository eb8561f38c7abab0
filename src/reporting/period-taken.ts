// Which periods a focal point may report for now, in every channel: the current period and the
// previous one until its lock date or the end of the current one (openPeriods, lastDayTaken).
import { isLocked, periodFromKey, type ReportingPeriod } from '../core/periods.js';
import { lastDayTaken } from '../core/report-flow/last-day.js';
import { formatDateVi } from '../core/time.js';
import type { Bloc } from '../db/blocs.js';
import { deadlinesOf, openPeriods } from './report-context.js';

/** The period a key names; undefined for a malformed key (an old or forged button, an edited URL). */
export function periodOfKey(periodKey: string): ReportingPeriod | undefined {
  try {
    return periodFromKey(periodKey);
  } catch {
    return undefined;
  }
}

/** The open period with this key, if a report (or a revision) for it is taken now. */
export function takenPeriod(bloc: Bloc, periodKey: string, now: Date, timeZone: string): ReportingPeriod | undefined {
  return openPeriods(bloc, now, timeZone).find((p) => p.key === periodKey);
}

/** Whether a report (or a revision) for the period is taken now. */
export function isTaken(bloc: Bloc, period: Pick<ReportingPeriod, 'key'>, now: Date, timeZone: string): boolean {
  return takenPeriod(bloc, period.key, now, timeZone) !== undefined;
}

/**
 * A period that exists for the bloc's reports: of its cadence and already begun. Anything else
 * (a key of another cadence, a week still to come) was never offered for this bloc.
 */
export function isBlocPeriod(
  bloc: Bloc,
  period: Pick<ReportingPeriod, 'kind' | 'start'>,
  now: Date,
  timeZone: string,
): boolean {
  const current = openPeriods(bloc, now, timeZone)[0]!;
  return period.kind === bloc.reportingCadence && period.start <= current.start;
}

/** The last day a report for the period is taken (its lock date, or the next period's end if sooner), as shown. */
export function lastDayTakenOf(bloc: Bloc, period: Pick<ReportingPeriod, 'kind' | 'end'>): string {
  return formatDateVi(lastDayTaken(period, bloc.lockDays));
}

/** Whether the period's lock date has passed (false for a key that names no period). */
export function isPeriodLocked(bloc: Bloc, periodKey: string, now: Date, timeZone: string): boolean {
  const period = periodOfKey(periodKey);
  return period !== undefined && isLocked(now, deadlinesOf(bloc, period, timeZone));
}
