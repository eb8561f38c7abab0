// What the focal point sees at each step of the report flow: a text and its buttons.
import { criterionPosition } from '../../core/report-flow/machine.js';
import { formatValue } from '../../core/report-flow/number-input.js';
import { canOfferNil } from '../../core/report-flow/submission.js';
import type { ReportDraft } from '../../core/report-flow/types.js';
import { callbackData, type DraftAction } from './callback-data.js';
import { BUTTONS, FIELD_NAMES, M, preview } from '../conversation/messages.js';

export interface InlineButton {
  text: string;
  callback_data: string;
}
export interface InlineKeyboard {
  inline_keyboard: InlineButton[][];
}
export interface Rendered {
  text: string;
  keyboard: InlineKeyboard;
}

export function keyboard(rows: InlineButton[][]): InlineKeyboard {
  return { inline_keyboard: rows.filter((r) => r.length > 0) };
}

/** The prompt and buttons of the draft's current step, drawn for this conversation version. */
export function renderStep(draft: ReportDraft, version: number, unitName: string): Rendered {
  const button = (text: string, action: DraftAction): InlineButton => ({
    text,
    callback_data: callbackData.draft(version, action),
  });
  const nilRow = canOfferNil(draft) ? [button(BUTTONS.nil, { kind: 'nil' })] : [];
  const cancelRow = [button(BUTTONS.cancel, { kind: 'cancel' })];
  const step = draft.step;
  switch (step.kind) {
    case 'value': {
      const criterion = draft.criteria.find((c) => c.id === step.criterionId)!;
      const { index, of } = criterionPosition(draft, step.criterionId);
      const current = draft.values[String(step.criterionId)];
      const row = [button(BUTTONS.zero, { kind: 'zero' })];
      if (current !== undefined) row.push(button(BUTTONS.keep(formatValue(current)), { kind: 'keep' }));
      return { text: M.valuePrompt(criterion, index, of), keyboard: keyboard([row, nilRow, cancelRow]) };
    }
    case 'text': {
      const current = draft.texts[step.field];
      const row = current
        ? [button(BUTTONS.keepText, { kind: 'keep' }), button(BUTTONS.clear, { kind: 'skip' })]
        : [button(BUTTONS.skip, { kind: 'skip' })];
      return { text: M.textPrompt(step.field, current), keyboard: keyboard([row, nilRow, cancelRow]) };
    }
    case 'attachments':
      return {
        text: M.attachmentsPrompt(draft.base?.attachmentCount ?? 0),
        keyboard: keyboard([[button(BUTTONS.attachmentsDone(draft.attachments.length), { kind: 'skip' })], cancelRow]),
      };
    case 'summary':
      return {
        text: M.summary(draft, unitName),
        keyboard: keyboard([
          [button(BUTTONS.send, { kind: 'send' })],
          [button(BUTTONS.editMenu, { kind: 'edit_menu' }), button(BUTTONS.cancel, { kind: 'cancel' })],
        ]),
      };
    case 'edit_menu': {
      const rows = draft.criteria.map((c) => {
        const v = draft.values[String(c.id)];
        const label = `${c.code}. ${preview(c.title, 40)}${v === undefined ? '' : ` (${formatValue(v)})`}`;
        return [button(label, { kind: 'edit', step: { kind: 'value', criterionId: c.id } })];
      });
      for (const field of ['notableResults', 'difficulties', 'proposals'] as const) {
        rows.push([button(FIELD_NAMES[field], { kind: 'edit', step: { kind: 'text', field } })]);
      }
      rows.push([button(BUTTONS.evidence, { kind: 'edit', step: { kind: 'attachments' } })]);
      rows.push([button(BUTTONS.back, { kind: 'back' })]);
      return { text: M.editMenu, keyboard: keyboard(rows) };
    }
  }
}
