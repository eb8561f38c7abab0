// The receipt of a stored revision, the same facts in every channel (the bot's message, the web
// form's receipt page). Its "last day" is the day the channels really stop taking revisions
// (lastDayTaken), which for a lock longer than a period comes before the lock date.
import { isOnTime, type ReportingPeriod } from '../core/periods.js';
import type { ReceiptFacts } from '../core/report-flow/error-text.js';
import { formatDateTimeVi } from '../core/time.js';
import type { Db } from '../db/connection.js';
import { getReport, listAttachments, listRevisions } from '../db/reports.js';
import type { SubmittedVia } from '../db/schema.js';
import { lastDayTakenOf } from './period-taken.js';
import { deadlinesOf, dueDateOf, lockDateOf } from './report-context.js';
import type { Reporter } from './reporter.js';

type Period = Pick<ReportingPeriod, 'kind' | 'key' | 'start' | 'end' | 'label'>;

/** What a receipt says about revision `revision` of the unit's report for the period. */
export function receiptFacts(
  reporter: Pick<Reporter, 'unit' | 'bloc'>,
  period: Period,
  r: { revision: number; at: Date; firstSubmittedAt: Date; isNil: boolean; attachments: number },
  timeZone: string,
): ReceiptFacts {
  const { bloc } = reporter;
  return {
    label: period.label,
    unit: reporter.unit.name,
    at: formatDateTimeVi(r.at, timeZone),
    revision: r.revision,
    onTime: isOnTime(r.firstSubmittedAt, deadlinesOf(bloc, period, timeZone)),
    dueDate: dueDateOf(bloc, period),
    lockDate: lockDateOf(bloc, period),
    lastDay: lastDayTakenOf(bloc, period),
    isNil: r.isNil,
    attachments: r.attachments,
  };
}

export interface StoredReceipt {
  facts: ReceiptFacts;
  via: SubmittedVia;
  /** The files the report held after this revision (this one's and earlier ones'). */
  totalFiles: number;
}

/** The receipt of a stored revision (the latest when `revision` is undefined); undefined if there is none. */
export async function storedReceipt(
  db: Db,
  reporter: Pick<Reporter, 'unit' | 'bloc'>,
  period: Period,
  revision: number | undefined,
  timeZone: string,
): Promise<StoredReceipt | undefined> {
  const report = await getReport(db, reporter.bloc.id, reporter.unit.id, period.key);
  if (!report) return undefined;
  const wanted = revision ?? report.revision;
  const row = (await listRevisions(db, report.id)).find((r) => r.revision === wanted);
  if (!row) return undefined;
  const files = await listAttachments(db, report.id);
  const snapshot = JSON.parse(row.snapshot) as { isNil?: boolean };
  const facts = receiptFacts(
    reporter,
    period,
    {
      revision: row.revision,
      at: new Date(row.submittedAt),
      firstSubmittedAt: new Date(report.firstSubmittedAt),
      isNil: snapshot.isNil === true,
      attachments: files.filter((a) => a.addedInRevision === row.revision).length,
    },
    timeZone,
  );
  return { facts, via: row.submittedVia, totalFiles: files.filter((a) => a.addedInRevision <= row.revision).length };
}
