// Entries refused for a newer stored report, started again on it (decision 0015): what the
// reporter changed from their base is kept, the rest comes from the stored report. The bot does it
// when its author taps "reload"; the web form at once, showing the form back rebased.
import { type Override, rebaseDraft } from '../core/report-flow/base-check.js';
import type { ReportDraft } from '../core/report-flow/types.js';
import { periodFromKey } from '../core/periods.js';
import type { Db } from '../db/connection.js';
import { revisionContent } from '../db/report-revisions.js';
import { draftTarget } from './report-context.js';
import type { Reporter } from './reporter.js';

export type RebaseOutcome =
  | { kind: 'rebased'; draft: ReportDraft; overrides: Override[]; revision: number }
  /** The period has no stored report to rebase on. */
  | { kind: 'nothingStored' };

export async function rebaseOnStored(
  trx: Db,
  reporter: Pick<Reporter, 'unit' | 'bloc'>,
  draft: ReportDraft,
): Promise<RebaseOutcome> {
  const target = await draftTarget(trx, reporter, periodFromKey(draft.period.key));
  if (!target.existing) return { kind: 'nothingStored' };
  // What the reporter started from: their base revision, if it is this unit's report at all.
  const base =
    draft.base && draft.base.reportId === target.existing.reportId
      ? ((await revisionContent(trx, draft.base.reportId, draft.base.revision)) ?? null)
      : null;
  const rebased = rebaseDraft(draft, base, target);
  return { kind: 'rebased', draft: rebased.draft, overrides: rebased.overrides, revision: target.existing.revision };
}
