// Inline-button payloads. Draft buttons carry the conversation version they were drawn for, so
// a button pressed after the flow moved on is recognised as stale and changes nothing.
import { reminderCallback } from './reminder-callback.js';
import type { Step, TextField } from '../../core/report-flow/types.js';

export type DraftAction =
  | { kind: 'zero' }
  | { kind: 'keep' }
  | { kind: 'skip' }
  | { kind: 'nil' }
  | { kind: 'send' }
  | { kind: 'edit_menu' }
  | { kind: 'back' }
  | { kind: 'cancel' }
  | { kind: 'move' }
  /** Start the draft again on the report another focal point stored meanwhile. */
  | { kind: 'rebase' }
  | { kind: 'edit'; step: Step };

export type CallbackAction =
  | { kind: 'draft'; version: number; action: DraftAction }
  | { kind: 'period'; version: number; periodKey: string }
  /** Report (or revise the report) for a period; a stable payload other messages may carry too. */
  | { kind: 'report_period'; periodKey: string }
  /** "Nothing new" for a period in one tap, from a reminder. */
  | { kind: 'nil_period'; periodKey: string };

const SIMPLE: Record<string, DraftAction['kind']> = {
  '0': 'zero',
  k: 'keep',
  s: 'skip',
  n: 'nil',
  y: 'send',
  m: 'edit_menu',
  b: 'back',
  c: 'cancel',
  mv: 'move',
  rb: 'rebase',
};
const SIMPLE_CODE = Object.fromEntries(Object.entries(SIMPLE).map(([code, kind]) => [kind, code])) as Record<
  string,
  string
>;
const FIELD_CODE: Record<TextField, string> = { notableResults: 'tn', difficulties: 'td', proposals: 'tp' };
const FIELD_OF = Object.fromEntries(Object.entries(FIELD_CODE).map(([f, c]) => [c, f])) as Record<string, TextField>;

function actionCode(a: DraftAction): string {
  if (a.kind !== 'edit') return SIMPLE_CODE[a.kind]!;
  switch (a.step.kind) {
    case 'value':
      return `v${a.step.criterionId}`;
    case 'text':
      return FIELD_CODE[a.step.field];
    case 'attachments':
      return 'at';
    default:
      throw new Error(`no button edits the ${a.step.kind} step`);
  }
}

export const callbackData = {
  draft: (version: number, action: DraftAction) => `d:${version}:${actionCode(action)}`,
  period: (version: number, periodKey: string) => `p:${version}:${periodKey}`,
  reportPeriod: (periodKey: string) => `e:${periodKey}`,
};

function parseAction(code: string): DraftAction | null {
  const simple = SIMPLE[code];
  if (simple) return { kind: simple } as DraftAction;
  if (/^v\d{1,12}$/.test(code)) return { kind: 'edit', step: { kind: 'value', criterionId: Number(code.slice(1)) } };
  if (FIELD_OF[code]) return { kind: 'edit', step: { kind: 'text', field: FIELD_OF[code] } };
  if (code === 'at') return { kind: 'edit', step: { kind: 'attachments' } };
  return null;
}

/** Reads a button payload; null for anything this bot did not draw. */
export function parseCallbackData(data: string): CallbackAction | null {
  const parts = data.split(':');
  const version = Number(parts[1]);
  if (parts[0] === 'd' && parts.length === 3 && Number.isInteger(version)) {
    const action = parseAction(parts[2]!);
    return action ? { kind: 'draft', version, action } : null;
  }
  if (parts[0] === 'p' && parts.length === 3 && Number.isInteger(version)) {
    return { kind: 'period', version, periodKey: parts[2]! };
  }
  if (parts[0] === 'e' && parts.length === 2) return { kind: 'report_period', periodKey: parts[1]! };
  const reminder = reminderCallback.pattern.exec(data);
  if (reminder) return { kind: reminder[1] === 'nil' ? 'nil_period' : 'report_period', periodKey: reminder[2]! };
  return null;
}
