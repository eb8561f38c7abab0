// Submitting a report or a revision, for every channel: the one place a focal point's report is
// stored. The rules of decisions 0015 and 0051 hold here: the period must be one the channels take
// now; a report is never replaced by entries that started from an older revision (or from none);
// values of criteria removed from the covenant meanwhile are dropped; the revision records the
// focal point and the channel. Runs inside the caller's transaction.
import { type BaseConflict, baseConflict } from '../core/report-flow/base-check.js';
import type { ReceiptFacts } from '../core/report-flow/error-text.js';
import type { TextField } from '../core/report-flow/types.js';
import type { Db } from '../db/connection.js';
import { listCriteria } from '../db/covenant.js';
import { revisionAuthor } from '../db/report-revisions.js';
import { getReport, type ProgressReport, submitReport } from '../db/reports.js';
import { storeAttachmentContents } from '../db/web-uploads.js';
import { attachmentRows, type EvidenceFile, newEvidenceOnly, uploadsOf } from './evidence.js';
import { isPeriodLocked, takenPeriod } from './period-taken.js';
import { receiptFacts } from './receipt.js';
import { yearOfPeriod } from './report-context.js';
import type { Reporter, When } from './reporter.js';

/** A complete report as a channel collected it. */
export interface ReportEntries {
  periodKey: string;
  /** The stored revision the entries started from (null: a new report). */
  base: { reportId: number; revision: number } | null;
  values: { criterionId: number; value: number }[];
  texts: Record<TextField, string | null>;
  files: EvidenceFile[];
}

/** Who stored the revision the entries collide with, and when. */
export interface ConflictAuthor {
  focalPointName: string | null;
  admin: string | null;
  /** The reporter themself (through another chat, tab or channel). */
  self: boolean;
  at: Date;
}

export type StoredReport = { kind: 'stored'; reportId: number; revision: number; receipt: ReceiptFacts };

/** The channels do not take the period now; `locked` tells a passed lock date from a period too old. */
export type PeriodNotTaken = { kind: 'periodNotTaken'; locked: boolean };

export type SubmitOutcome =
  | StoredReport
  | PeriodNotTaken
  | { kind: 'conflict'; conflict: BaseConflict; stored: ProgressReport; author: ConflictAuthor };

/** Stores the entries as the unit's report for the period, unless the rules above refuse them. */
export async function submitEntries(
  trx: Db,
  reporter: Reporter,
  entries: ReportEntries,
  when: When,
): Promise<SubmitOutcome> {
  const { bloc } = reporter;
  if (!takenPeriod(bloc, entries.periodKey, when.now, when.timeZone))
    return notTaken(reporter, entries.periodKey, when);
  const stored = await getReport(trx, bloc.id, reporter.unit.id, entries.periodKey);
  // Never replace a report the reporter has not seen: they rebase their entries on it first.
  const conflict = baseConflict(
    { base: entries.base && { ...entries.base, isNil: false, attachmentCount: 0 } },
    stored ? { reportId: stored.id, revision: stored.revision } : null,
  );
  if (conflict && stored) return { kind: 'conflict', conflict, stored, author: await authorOf(trx, reporter, stored) };
  return storeRevision(trx, reporter, entries, stored?.id, when);
}

/** Stores the entries as the next revision (or as "nothing new" when `isNil`), and returns the receipt. */
export async function storeRevision(
  trx: Db,
  reporter: Reporter,
  entries: ReportEntries & { isNil?: true },
  storedId: number | undefined,
  when: When,
): Promise<StoredReport> {
  const { bloc, unit } = reporter;
  const period = takenPeriod(bloc, entries.periodKey, when.now, when.timeZone)!;
  // A criterion removed from the covenant while the entries waited cannot take a value any more.
  const live = new Set((await listCriteria(trx, bloc.id, yearOfPeriod(period))).map((c) => c.id));
  const files = await newEvidenceOnly(trx, storedId, entries.files);
  const result = await submitReport(trx, {
    blocId: bloc.id,
    unitId: unit.id,
    period: { kind: bloc.reportingCadence, key: period.key, start: period.start, end: period.end },
    isNil: entries.isNil === true,
    values: entries.values.filter((v) => live.has(v.criterionId)),
    notableResults: entries.texts.notableResults,
    difficulties: entries.texts.difficulties,
    proposals: entries.texts.proposals,
    attachments: attachmentRows(files),
    submittedBy: { focalPointId: reporter.focalPointId },
    via: reporter.channel,
    at: when.now,
  });
  await storeAttachmentContents(trx, result.reportId, result.revision, uploadsOf(files));
  const receipt = receiptFacts(
    reporter,
    period,
    {
      revision: result.revision,
      at: when.now,
      firstSubmittedAt: new Date(result.firstSubmittedAt),
      isNil: entries.isNil === true,
      attachments: files.length,
    },
    when.timeZone,
  );
  return { kind: 'stored', reportId: result.reportId, revision: result.revision, receipt };
}

/** Why a period is not taken, for the channel's words. */
export function notTaken(reporter: Reporter, periodKey: string, when: When): PeriodNotTaken {
  return { kind: 'periodNotTaken', locked: isPeriodLocked(reporter.bloc, periodKey, when.now, when.timeZone) };
}

async function authorOf(trx: Db, reporter: Reporter, stored: ProgressReport): Promise<ConflictAuthor> {
  const author = await revisionAuthor(trx, stored.id, stored.revision);
  return {
    focalPointName: author?.focalPointName ?? null,
    admin: author?.admin ?? null,
    self: author?.focalPointId === reporter.focalPointId,
    at: new Date(author?.submittedAt ?? stored.updatedAt),
  };
}
