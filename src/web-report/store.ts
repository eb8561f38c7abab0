// Storing what the web form sent, in one transaction, with the bot's rules (report-send.ts): the
// period must not be locked; "nothing new" only when the period has no report; a report is never
// replaced by a form loaded from an older revision (base-check.ts); values of criteria removed
// from the covenant are dropped. A form's nonce stores at most one revision; a file the report
// already holds is not stored twice.
import { isLocked, type ReportingPeriod } from '../core/periods.js';
import { type BaseConflict, baseConflict, type Override, rebaseDraft } from '../core/report-flow/base-check.js';
import type { ReportDraft, TextField } from '../core/report-flow/types.js';
import type { Db } from '../db/connection.js';
import { listCriteria } from '../db/covenant.js';
import { markPersonalLinkUsed } from '../db/personal-links.js';
import { revisionAuthor, revisionContent } from '../db/report-revisions.js';
import { getReport, submitReport } from '../db/reports.js';
import type { ProgressReport } from '../db/schema.js';
import {
  clearPendingUploads,
  findFormSubmission,
  recordFormSubmission,
  storeAttachmentContents,
  type UploadedFile,
} from '../db/web-uploads.js';
import { deadlinesOf, draftTarget, yearOfPeriod } from '../reporting/report-context.js';
import type { LinkHolder } from './access.js';

export interface WebSubmission {
  holder: LinkHolder;
  period: ReportingPeriod;
  nonce: string;
  now: Date;
  timeZone: string;
  report:
    | { isNil: true }
    | {
        isNil: false;
        /** The stored revision the form was loaded from (null: none). */
        base: { reportId: number; revision: number } | null;
        values: Record<string, number>;
        texts: Record<TextField, string | null>;
        files: UploadedFile[];
      };
}

export type StoreOutcome =
  | { kind: 'sent'; reportId: number; revision: number }
  | { kind: 'duplicate'; reportId: number; revision: number }
  | { kind: 'locked' }
  | { kind: 'already_reported' }
  | {
      kind: 'conflict';
      conflict: BaseConflict;
      stored: ProgressReport;
      author: { focalPointName: string | null; admin: string | null; self: boolean; at: string };
      /** The form's entries rebased on the stored report: the person's changes kept, the rest as stored. */
      rebased: Pick<ReportDraft, 'values' | 'texts'>;
      overrides: Override[];
    };

export async function storeWebReport(db: Db, s: WebSubmission): Promise<StoreOutcome> {
  return db.transaction().execute(async (trx): Promise<StoreOutcome> => {
    const { holder, period, now } = s;
    const done = await findFormSubmission(trx, holder.link.id, s.nonce);
    if (done) return { kind: 'duplicate', reportId: done.report_id, revision: done.revision };
    if (isLocked(now, deadlinesOf(holder.bloc, period, s.timeZone))) return { kind: 'locked' };
    const stored = await getReport(trx, holder.bloc.id, holder.unit.id, period.key);
    const r = s.report;
    if (r.isNil && stored) return { kind: 'already_reported' };
    if (!r.isNil) {
      const conflict = baseConflict(
        { base: r.base && { ...r.base, isNil: false, attachmentCount: 0 } },
        stored ? { reportId: stored.id, revision: stored.revision } : null,
      );
      if (conflict && stored) return conflictOutcome(trx, s, r, conflict, stored);
    }
    // A criterion removed from the covenant since the form was loaded cannot take a value any more.
    const live = new Set((await listCriteria(trx, holder.bloc.id, yearOfPeriod(period))).map((c) => c.id));
    const values = r.isNil
      ? []
      : Object.entries(r.values)
          .map(([id, value]) => ({ criterionId: Number(id), value }))
          .filter((v) => live.has(v.criterionId));
    const files = r.isNil ? [] : await newFilesOnly(trx, stored?.id, r.files);
    const result = await submitReport(trx, {
      blocId: holder.bloc.id,
      unitId: holder.unit.id,
      period: { kind: holder.bloc.reporting_cadence, key: period.key, start: period.start, end: period.end },
      isNil: r.isNil,
      values,
      notableResults: r.isNil ? null : r.texts.notableResults,
      difficulties: r.isNil ? null : r.texts.difficulties,
      proposals: r.isNil ? null : r.texts.proposals,
      attachments: files.map((f) => ({
        kind: f.kind,
        telegramFileId: null,
        fileName: f.fileName,
        mimeType: f.mimeType,
        sizeBytes: f.sizeBytes,
        caption: null,
      })),
      submittedBy: { focalPointId: holder.focalPoint.id },
      via: 'web',
      at: now,
    });
    await storeAttachmentContents(trx, result.reportId, result.revision, files);
    await recordFormSubmission(trx, {
      linkId: holder.link.id,
      nonce: s.nonce,
      reportId: result.reportId,
      revision: result.revision,
      now,
    });
    await clearPendingUploads(trx, holder.link.id, s.nonce);
    await markPersonalLinkUsed(trx, holder.link.id, now);
    return { kind: 'sent', reportId: result.reportId, revision: result.revision };
  });
}

/**
 * The files whose bytes the report does not hold yet. A browser's Back restores the photo picked
 * for the sent revision into the re-loaded form, and the same picture chosen twice is one piece of
 * evidence: storing it again would show the secretariat duplicates.
 */
async function newFilesOnly(trx: Db, reportId: number | undefined, files: UploadedFile[]): Promise<UploadedFile[]> {
  const held = new Set(
    reportId === undefined
      ? []
      : (
          await trx
            .selectFrom('report_attachment as a')
            .innerJoin('attachment_content as c', 'c.attachment_id', 'a.id')
            .select('c.sha256')
            .where('a.report_id', '=', reportId)
            .execute()
        ).map((row) => row.sha256),
  );
  return files.filter((f) => {
    if (held.has(f.sha256)) return false;
    held.add(f.sha256);
    return true;
  });
}

async function conflictOutcome(
  trx: Db,
  s: WebSubmission,
  r: Extract<WebSubmission['report'], { isNil: false }>,
  conflict: BaseConflict,
  stored: ProgressReport,
): Promise<StoreOutcome> {
  const target = await draftTarget(trx, s.holder, s.period);
  // What the person started from: their base revision, if it is this unit's report at all.
  const base =
    r.base && r.base.reportId === stored.id ? ((await revisionContent(trx, stored.id, r.base.revision)) ?? null) : null;
  const mine: ReportDraft = {
    schema: 1,
    period: target.period,
    criteria: target.criteria,
    base: r.base && { ...r.base, isNil: false, attachmentCount: 0 },
    values: Object.fromEntries(Object.entries(r.values)),
    texts: r.texts,
    attachments: [],
    step: { kind: 'summary' },
    returnToSummary: false,
  };
  const rebased = rebaseDraft(mine, base, target);
  const author = await revisionAuthor(trx, stored.id, stored.revision);
  return {
    kind: 'conflict',
    conflict,
    stored,
    author: {
      focalPointName: author?.focalPointName ?? null,
      admin: author?.admin ?? null,
      self: author?.focalPointId === s.holder.focalPoint.id,
      at: author?.submittedAt ?? stored.updated_at,
    },
    rebased: { values: rebased.draft.values, texts: rebased.draft.texts },
    overrides: rebased.overrides,
  };
}
