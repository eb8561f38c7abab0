// Moving a draft to the current period (its own period is no longer taken) or cancelling it.
import type { Override } from '../core/report-flow/base-check.js';
import { movePeriod } from '../core/report-flow/submission.js';
import type { ReportDraft } from '../core/report-flow/types.js';
import type { Db } from '../db/connection.js';
import { deleteReceivedFiles, receivedFilesOf } from '../db/received-files.js';
import { type ConversationKey, loadState, saveState } from './conversation.js';
import { receivedIdsOf } from './received-evidence.js';
import { draftTarget, openPeriods } from './report-context.js';
import type { Reporter, When } from './reporter.js';

export type MoveOutcome =
  | {
      kind: 'moved';
      draft: ReportDraft;
      version: number;
      /** Where the entries would replace what another focal point already sent for that period. */
      replaces: Override[];
    }
  | { kind: 'stale' };

export async function moveDraftToCurrent(
  trx: Db,
  reporter: Reporter,
  key: ConversationKey,
  expectedVersion: number,
  when: When,
): Promise<MoveOutcome> {
  const state = await loadState(trx, key);
  const current = openPeriods(reporter.bloc, when.now, when.timeZone)[0]!;
  if (state.version !== expectedVersion || !state.draft || state.draft.period.key === current.key) {
    return { kind: 'stale' };
  }
  const target = await draftTarget(trx, reporter, current);
  const { draft, overrides } = movePeriod(state.draft, target);
  const version = await saveState(trx, key, draft, state.version, when.now);
  return { kind: 'moved', draft, version, replaces: target.existing ? overrides : [] };
}

export type CancelOutcome = { kind: 'cancelled'; draft: ReportDraft } | { kind: 'noDraft' } | { kind: 'stale' };

/** Cancels the draft; with `expectedVersion` (a button) only the draft it was drawn for. */
export async function cancelDraft(
  trx: Db,
  key: ConversationKey,
  expectedVersion: number | undefined,
  when: When,
): Promise<CancelOutcome> {
  const state = await loadState(trx, key);
  if (expectedVersion !== undefined && state.version !== expectedVersion) return { kind: 'stale' };
  if (!state.draft) return expectedVersion !== undefined ? { kind: 'stale' } : { kind: 'noDraft' };
  await saveState(trx, key, null, state.version, when.now);
  // The photos received for it are let go with it (decision 0094); housekeeping catches the rest.
  const received = new Set(receivedIdsOf(state.draft.attachments));
  const ids = (await receivedFilesOf(trx, key.focalPointId, [...received])).map((f) => f.id);
  await deleteReceivedFiles(trx, ids);
  return { kind: 'cancelled', draft: state.draft };
}
