// The last day a report (or a revision) for a period is taken, in every channel: its lock date, or
// the last day of the period after it when that comes first. From then on the period is older than
// the previous one, which neither the bot nor the web link takes (openPeriodsForReporting), even
// when the bloc's lock is longer than a period. Pure.
import { periodContaining, type ReportingPeriod } from '../periods.js';
import { addDays, compareIsoDate, type IsoDate } from '../time.js';

export function lastDayTaken(period: Pick<ReportingPeriod, 'kind' | 'end'>, lockDays: number): IsoDate {
  const lockDay = addDays(period.end, lockDays);
  const nextEnd = periodContaining(period.kind, addDays(period.end, 1)).end;
  return compareIsoDate(lockDay, nextEnd) < 0 ? lockDay : nextEnd;
}
