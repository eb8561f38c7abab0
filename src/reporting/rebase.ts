// Entries refused for a newer stored report, started again on it (decision 0015): what the
// reporter changed from their base is kept, the rest comes from the stored report. A conversation
// does it when its author taps "reload" (rebaseConversationDraft); the web form at once, showing
// the form back rebased (rebaseOnStored).
import { type Override, rebaseDraft } from '../core/report-flow/base-check.js';
import type { ReportDraft } from '../core/report-flow/types.js';
import { periodFromKey } from '../core/periods.js';
import type { Db } from '../db/connection.js';
import { revisionContent } from '../db/report-revisions.js';
import { draftTarget } from './report-context.js';
import { type ConversationKey, loadState, saveState } from './conversation.js';
import { isTaken } from './period-taken.js';
import type { Reporter, When } from './reporter.js';

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

export type RebaseDraftOutcome =
  | { kind: 'rebased'; draft: ReportDraft; version: number; overrides: Override[]; revision: number }
  /** The draft's period is no longer taken: it is kept, to move or cancel, not reloaded. */
  | { kind: 'periodNotTaken'; draft: ReportDraft; version: number }
  | { kind: 'stale' };

/** Rebases the conversation's draft (the one the button was drawn for) on the report stored now. */
export async function rebaseConversationDraft(
  trx: Db,
  reporter: Reporter,
  key: ConversationKey,
  expectedVersion: number,
  when: When,
): Promise<RebaseDraftOutcome> {
  const state = await loadState(trx, key);
  if (state.version !== expectedVersion || !state.draft) return { kind: 'stale' };
  const draft = state.draft;
  if (!isTaken(reporter.bloc, draft.period, when.now, when.timeZone)) {
    return { kind: 'periodNotTaken', draft, version: state.version };
  }
  const rebased = await rebaseOnStored(trx, reporter, draft);
  if (rebased.kind !== 'rebased') return { kind: 'stale' };
  return { ...rebased, version: await saveState(trx, key, rebased.draft, state.version, when.now) };
}
