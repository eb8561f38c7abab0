// What the focal point sees at each step of the report flow on Zalo: the prompt, then the typed
// choices (numbers where the step takes no free answer, words where it does). The same choices are
// read back by choiceAt, computed from the draft alone, so nothing about the last message is stored.
import { criterionPosition } from '../../../core/report-flow/machine.js';
import { formatValue } from '../../../core/report-flow/number-input.js';
import { canOfferNil } from '../../../core/report-flow/submission.js';
import type { FlowInput, ReportDraft } from '../../../core/report-flow/types.js';
import { FIELD_NAMES, M, preview } from '../../conversation/messages.js';
import { choiceLine } from '../typed-commands.js';
import { typed } from './messages.js';

export type StepChoice = FlowInput | { kind: 'send' } | { kind: 'cancel' } | { kind: 'nil' };

/** Whether the step takes a free answer (a figure or a text), which plain text then is. */
export function takesFreeAnswer(draft: ReportDraft): boolean {
  return draft.step.kind === 'value' || draft.step.kind === 'text';
}

/** The numbered choices of a step that takes no free answer, in order (1 first). */
export function numberedChoices(draft: ReportDraft): { label: string; choice: StepChoice }[] {
  switch (draft.step.kind) {
    case 'attachments':
      return [{ label: `Xong, tiếp tục (${draft.attachments.length} ảnh mới)`, choice: { kind: 'skip' } }];
    case 'summary':
      return [
        { label: 'Gửi báo cáo', choice: { kind: 'send' } },
        { label: 'Sửa một mục', choice: { kind: 'edit_menu' } },
        { label: 'Hủy', choice: { kind: 'cancel' } },
      ];
    case 'edit_menu':
      return [
        ...draft.criteria.map((c) => {
          const v = draft.values[String(c.id)];
          return {
            label: `${c.code}. ${preview(c.title, 60)}${v === undefined ? '' : ` (${formatValue(v)})`}`,
            choice: { kind: 'edit', step: { kind: 'value', criterionId: c.id } } as StepChoice,
          };
        }),
        ...(['notableResults', 'difficulties', 'proposals'] as const).map((field) => ({
          label: FIELD_NAMES[field],
          choice: { kind: 'edit', step: { kind: 'text', field } } as StepChoice,
        })),
        { label: 'Ảnh minh chứng', choice: { kind: 'edit', step: { kind: 'attachments' } } },
      ];
    default:
      return [];
  }
}

/** The words a step takes besides a free answer ('giữ nguyên', 'bỏ qua'). */
export function wordChoices(draft: ReportDraft): { word: string; label: string; choice: StepChoice }[] {
  const step = draft.step;
  const nil = canOfferNil(draft)
    ? [{ word: '/khongmoi', label: 'Kỳ này không có gì mới', choice: { kind: 'nil' } as StepChoice }]
    : [];
  const cancel = { word: '/huy', label: 'Hủy báo cáo đang soạn', choice: { kind: 'cancel' } as StepChoice };
  if (step.kind === 'value') {
    const current = draft.values[String(step.criterionId)];
    const keep =
      current === undefined
        ? []
        : [
            {
              word: 'giữ nguyên',
              label: `Giữ số cũ (${formatValue(current)})`,
              choice: { kind: 'keep' } as StepChoice,
            },
          ];
    return [...keep, ...nil, cancel];
  }
  if (step.kind === 'text') {
    const current = draft.texts[step.field];
    const words = current
      ? [
          { word: 'giữ nguyên', label: 'Giữ nội dung hiện có', choice: { kind: 'keep' } as StepChoice },
          { word: 'để trống', label: 'Xóa nội dung này', choice: { kind: 'skip' } as StepChoice },
        ]
      : [{ word: 'bỏ qua', label: 'Không có nội dung này', choice: { kind: 'skip' } as StepChoice }];
    return [...words, ...nil, cancel];
  }
  if (step.kind === 'edit_menu') return [{ word: '0', label: 'Quay lại tóm tắt', choice: { kind: 'back' } }];
  return [cancel];
}

/** The prompt of the draft's current step with its choices. */
export function renderZaloStep(draft: ReportDraft, unitName: string): string {
  const step = draft.step;
  let prompt: string;
  switch (step.kind) {
    case 'value': {
      const criterion = draft.criteria.find((c) => c.id === step.criterionId)!;
      const { index, of } = criterionPosition(draft, step.criterionId);
      prompt = M.valuePrompt(criterion, index, of);
      break;
    }
    case 'text':
      prompt = typed(M.textPrompt(step.field, draft.texts[step.field]));
      break;
    case 'attachments':
      prompt = `Ảnh minh chứng (không bắt buộc)\nĐồng chí gửi ảnh vào cuộc trò chuyện này, xong thì gõ 1.${(draft.base?.attachmentCount ?? 0) > 0 ? `\nBáo cáo đã có ${draft.base!.attachmentCount} tệp từ các lần gửi trước; các tệp đó vẫn được giữ.` : ''}`;
      break;
    case 'summary':
      // The catalogue's last line tells which button to press: the numbered choices say it here.
      prompt = M.summary(draft, unitName).split('\n').slice(0, -1).join('\n').trimEnd();
      break;
    case 'edit_menu':
      prompt = M.editMenu;
      break;
  }
  const numbered = numberedChoices(draft).map((c, i) => `${i + 1}. ${c.label}`);
  const words = wordChoices(draft).map((w) => choiceLine(w.word, w.label));
  return [prompt, [...numbered, ...words].join('\n')].filter((s) => s !== '').join('\n\n');
}
