// Applying one answer to the conversation's draft through the pure report flow (src/core), in the
// transaction that loaded it: a refused answer changes nothing and says why (a code each channel
// words in its catalogue).
import { applyInput } from '../core/report-flow/machine.js';
import type { FlowError, FlowInput, ReportDraft } from '../core/report-flow/types.js';
import type { Db } from '../db/connection.js';
import { type ConversationKey, loadState, saveState } from './conversation.js';
import type { When } from './reporter.js';

export type AnswerOutcome =
  | { kind: 'applied'; draft: ReportDraft; version: number }
  | { kind: 'refused'; error: FlowError; draft: ReportDraft; version: number }
  | { kind: 'noDraft' }
  /** A button drawn for another state of the conversation. */
  | { kind: 'stale' };

export async function applyAnswer(
  trx: Db,
  key: ConversationKey,
  input: FlowInput,
  expectedVersion: number | undefined,
  when: When,
): Promise<AnswerOutcome> {
  const state = await loadState(trx, key);
  if (expectedVersion !== undefined && (state.version !== expectedVersion || !state.draft)) return { kind: 'stale' };
  if (!state.draft) return { kind: 'noDraft' };
  const result = applyInput(state.draft, input);
  if (!result.ok) return { kind: 'refused', error: result.error, draft: state.draft, version: state.version };
  const version = await saveState(trx, key, result.draft, state.version, when.now);
  return { kind: 'applied', draft: result.draft, version };
}
