// The web form's send and "nothing new", in one transaction: the form's nonce stores at most one
// revision; the report itself is stored by the use cases every channel shares (src/reporting), and
// a form refused for a newer stored report comes back rebased on it. Then the form's own records:
// which revision the nonce stored, its kept uploads cleared, the link marked used.
import type { ReportingPeriod } from '../core/periods.js';
import type { BaseConflict, Override } from '../core/report-flow/base-check.js';
import type { ReportDraft, TextField } from '../core/report-flow/types.js';
import type { Db } from '../db/connection.js';
import { markPersonalLinkUsed } from '../db/personal-links.js';
import type { ProgressReport } from '../db/reports.js';
import { clearPendingUploads, findFormSubmission, recordFormSubmission, type UploadedFile } from '../db/web-uploads.js';
import { submitNilReport } from '../reporting/nil-report.js';
import { rebaseOnStored } from '../reporting/rebase.js';
import { draftTarget } from '../reporting/report-context.js';
import { reporterOf, type When } from '../reporting/reporter.js';
import { type ConflictAuthor, submitEntries } from '../reporting/submit.js';
import type { LinkHolder } from './access.js';

/** Which form was sent: its holder, period and nonce, and when. */
export interface WebForm {
  holder: LinkHolder;
  period: ReportingPeriod;
  nonce: string;
  now: Date;
  timeZone: string;
}

export type WebReport =
  | { isNil: true }
  | {
      isNil: false;
      /** The stored revision the form was loaded from (null: none). */
      base: { reportId: number; revision: number } | null;
      values: Record<string, number>;
      texts: Record<TextField, string | null>;
      files: UploadedFile[];
    };

export type StoreOutcome =
  | { kind: 'sent'; reportId: number; revision: number }
  | { kind: 'duplicate'; reportId: number; revision: number }
  | { kind: 'locked' }
  | { kind: 'already_reported' }
  | {
      kind: 'conflict';
      conflict: BaseConflict;
      stored: ProgressReport;
      author: ConflictAuthor;
      /** The form's entries rebased on the stored report: the person's changes kept, the rest as stored. */
      rebased: Pick<ReportDraft, 'values' | 'texts'>;
      overrides: Override[];
    };

export async function storeWebReport(db: Db, s: WebForm, r: WebReport): Promise<StoreOutcome> {
  return db.transaction().execute(async (trx): Promise<StoreOutcome> => {
    const { holder, period, now } = s;
    const done = await findFormSubmission(trx, holder.link.id, s.nonce);
    if (done) return { kind: 'duplicate', reportId: done.reportId, revision: done.revision };
    const reporter = reporterOf(holder, 'web');
    const when: When = { now, timeZone: s.timeZone };
    const outcome = r.isNil
      ? await submitNilReport(trx, reporter, period.key, when)
      : await submitEntries(
          trx,
          reporter,
          {
            periodKey: period.key,
            base: r.base,
            values: Object.entries(r.values).map(([id, value]) => ({ criterionId: Number(id), value })),
            texts: r.texts,
            files: r.files.map((file) => ({ source: 'upload' as const, file })),
          },
          when,
        );
    // The routes render a period no longer taken (locked, or too old) the same way, in its own words.
    if (outcome.kind === 'periodNotTaken') return { kind: 'locked' };
    if (outcome.kind === 'alreadyReported') return { kind: 'already_reported' };
    if (outcome.kind === 'conflict') {
      const rebased = await rebaseOnStored(trx, reporter, await formAsDraft(trx, s, r as FormReport));
      if (rebased.kind !== 'rebased') throw new Error('a conflict always has a stored report to rebase on');
      return {
        ...outcome,
        rebased: { values: rebased.draft.values, texts: rebased.draft.texts },
        overrides: rebased.overrides,
      };
    }
    await recordFormSubmission(trx, {
      linkId: holder.link.id,
      nonce: s.nonce,
      reportId: outcome.reportId,
      revision: outcome.revision,
      now,
    });
    await clearPendingUploads(trx, holder.link.id, s.nonce);
    await markPersonalLinkUsed(trx, holder.link.id, now);
    return { kind: 'sent', reportId: outcome.reportId, revision: outcome.revision };
  });
}

type FormReport = Extract<WebReport, { isNil: false }>;

/** The form's entries as the draft the bot would hold at its summary, to rebase like the bot's. */
async function formAsDraft(trx: Db, s: WebForm, r: FormReport): Promise<ReportDraft> {
  const target = await draftTarget(trx, s.holder, s.period);
  return {
    schema: 1,
    period: target.period,
    criteria: target.criteria,
    base: r.base && { ...r.base, isNil: false, attachmentCount: 0 },
    values: { ...r.values },
    texts: r.texts,
    attachments: [],
    step: { kind: 'summary' },
    returnToSummary: false,
  };
}
