// Sending the conversation's draft, or "nothing new" for a period from a reminder, through the
// submit and nil-report use cases. The draft's version is checked and the draft cleared in the same
// transaction, so a double tap on "send" stores one report (or one revision) and the second tap
// is stale. A draft refused (a newer report, a period no longer taken) is kept.
import { canOfferNil, toSubmission } from '../core/report-flow/submission.js';
import type { ReportDraft } from '../core/report-flow/types.js';
import type { ReportingPeriod } from '../core/periods.js';
import type { Db } from '../db/connection.js';
import { deleteReceivedFiles } from '../db/received-files.js';
import { type ConversationKey, loadState, saveState } from './conversation.js';
import { submitNilReport } from './nil-report.js';
import { isBlocPeriod, isTaken, periodOfKey } from './period-taken.js';
import { evidenceOfDraft } from './received-evidence.js';
import type { Reporter, When } from './reporter.js';
import { type StoredReport, type SubmitOutcome, submitEntries } from './submit.js';

type Kept = { draft: ReportDraft; version: number };

export type SendOutcome =
  | (StoredReport & { periodKey: string })
  | ({ kind: 'periodNotTaken' } & Kept)
  | (Extract<SubmitOutcome, { kind: 'conflict' }> & Kept)
  | { kind: 'alreadyReported'; label: string }
  | { kind: 'stale' };

/** Sends the draft the button was drawn for: its report at the summary, or "nothing new" while untouched. */
export async function sendDraft(
  trx: Db,
  reporter: Reporter,
  key: ConversationKey,
  expectedVersion: number,
  what: 'report' | 'nil',
  when: When,
): Promise<SendOutcome> {
  const state = await loadState(trx, key);
  const draft = state.draft;
  if (state.version !== expectedVersion || !draft) return { kind: 'stale' };
  if (what === 'report' && draft.step.kind !== 'summary') return { kind: 'stale' };
  if (what === 'nil' && !canOfferNil(draft)) return { kind: 'stale' };
  const kept = { draft, version: state.version };
  const submission = what === 'report' ? toSubmission(draft) : null;
  if (what === 'report' && !submission) return { kind: 'stale' };
  // Photos a messenger handed over as bytes are stored with the report (received-evidence.ts).
  const evidence = submission ? await evidenceOfDraft(trx, reporter.focalPointId, submission.attachments) : null;
  const outcome = submission
    ? await submitEntries(
        trx,
        reporter,
        {
          periodKey: draft.period.key,
          base: draft.base && { reportId: draft.base.reportId, revision: draft.base.revision },
          values: submission.values,
          texts: submission.texts,
          files: evidence?.files ?? [],
        },
        when,
      )
    : await submitNilReport(trx, reporter, draft.period.key, when);
  if (outcome.kind === 'periodNotTaken') return { kind: 'periodNotTaken', ...kept };
  if (outcome.kind === 'conflict') return { ...outcome, ...kept };
  // Stored, or "nothing new" over a report stored meanwhile: either way the draft is done with.
  await saveState(trx, key, null, state.version, when.now);
  if (outcome.kind === 'stored') await deleteReceivedFiles(trx, evidence?.receivedIds ?? []);
  return outcome.kind === 'stored' ? { ...outcome, periodKey: draft.period.key } : outcome;
}

export type NilForPeriodOutcome =
  | SendOutcome
  /** A draft with entries for that period is being written: it is not replaced by "nothing new". */
  | ({ kind: 'busy' } & Kept)
  | { kind: 'periodClosed'; period: ReportingPeriod };

/** "Nothing new" for a period straight from a reminder's button. */
export async function nilForPeriod(
  trx: Db,
  reporter: Reporter,
  key: ConversationKey,
  periodKey: string,
  when: When,
): Promise<NilForPeriodOutcome> {
  const period = periodOfKey(periodKey);
  if (!period) return { kind: 'stale' };
  const { bloc } = reporter;
  // A key of another cadence or a period still to come was never offered for this bloc now.
  if (!isBlocPeriod(bloc, period, when.now, when.timeZone)) return { kind: 'stale' };
  if (!isTaken(bloc, period, when.now, when.timeZone)) return { kind: 'periodClosed', period };
  const state = await loadState(trx, key);
  const draft = state.draft?.period.key === period.key ? state.draft : null;
  if (draft && !canOfferNil(draft)) return { kind: 'busy', draft, version: state.version };
  const outcome = await submitNilReport(trx, reporter, period.key, when);
  if (outcome.kind === 'periodNotTaken') return { kind: 'periodClosed', period };
  if (outcome.kind === 'alreadyReported') return outcome;
  // An untouched draft for that period is done with: the report it would have become is stored.
  if (draft) await saveState(trx, key, null, state.version, when.now);
  return { ...outcome, periodKey: period.key };
}
