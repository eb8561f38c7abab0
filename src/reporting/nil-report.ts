// "Nothing new" for a period, in one tap, for every channel (decision 0010): stored only while the
// period has no report, so it can never silently replace figures.
import type { Db } from '../db/connection.js';
import { getReport } from '../db/reports.js';
import type { Reporter, When } from './reporter.js';
import { notTaken, type PeriodNotTaken, type StoredReport, storeRevision } from './submit.js';
import { takenPeriod } from './period-taken.js';

export type NilOutcome = StoredReport | PeriodNotTaken | { kind: 'alreadyReported'; label: string };

export async function submitNilReport(trx: Db, reporter: Reporter, periodKey: string, when: When): Promise<NilOutcome> {
  const period = takenPeriod(reporter.bloc, periodKey, when.now, when.timeZone);
  if (!period) return notTaken(reporter, periodKey, when);
  if (await getReport(trx, reporter.bloc.id, reporter.unit.id, period.key)) {
    return { kind: 'alreadyReported', label: period.label };
  }
  const nothing = { notableResults: null, difficulties: null, proposals: null };
  return storeRevision(
    trx,
    reporter,
    { periodKey, base: null, values: [], texts: nothing, files: [], isNil: true },
    undefined,
    when,
  );
}
