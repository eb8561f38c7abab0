// The report draft state machine: pure functions from (draft, input) to the next draft or a
// refusal. Channels (the Telegram bot, a web form) only translate their events into FlowInput
// and render the resulting step.

import { parseCriterionValue } from './number-input.js';
import { parseFreeText } from './text-input.js';
import {
  type DraftBase,
  type FlowCriterion,
  type FlowError,
  type FlowInput,
  type FlowPeriod,
  type FlowResult,
  type ReportDraft,
  type Step,
  TEXT_FIELDS,
  type TextField,
} from './types.js';

/** Most pieces of evidence one revision may carry. */
export const MAX_ATTACHMENTS = 10;

/** A report already stored for the period, which a new draft revises. */
export interface ExistingReport extends DraftBase {
  values: { criterionId: number; value: number }[];
  texts: Record<TextField, string | null>;
}

/** A fresh draft for the period: empty, or carrying over the stored report when revising it. */
export function startDraft(p: {
  period: FlowPeriod;
  criteria: FlowCriterion[];
  existing: ExistingReport | null;
}): ReportDraft {
  const ids = new Set(p.criteria.map((c) => c.id));
  const values: Record<string, number> = {};
  for (const v of p.existing?.values ?? []) if (ids.has(v.criterionId)) values[String(v.criterionId)] = v.value;
  const draft: ReportDraft = {
    schema: 1,
    period: p.period,
    criteria: p.criteria,
    base: p.existing
      ? {
          reportId: p.existing.reportId,
          revision: p.existing.revision,
          isNil: p.existing.isNil,
          attachmentCount: p.existing.attachmentCount,
        }
      : null,
    values,
    texts: {
      notableResults: p.existing?.texts.notableResults ?? null,
      difficulties: p.existing?.texts.difficulties ?? null,
      proposals: p.existing?.texts.proposals ?? null,
    },
    attachments: [],
    step: { kind: 'summary' },
    returnToSummary: false,
  };
  return { ...draft, step: stepSequence(draft)[0]! };
}

/** The steps of a draft in order: one per criterion, the three texts, evidence, summary. */
export function stepSequence(draft: Pick<ReportDraft, 'criteria'>): Step[] {
  return [
    ...draft.criteria.map((c): Step => ({ kind: 'value', criterionId: c.id })),
    ...TEXT_FIELDS.map((field): Step => ({ kind: 'text', field })),
    { kind: 'attachments' },
    { kind: 'summary' },
  ];
}

/** True iff two steps are the same step. */
export function sameStep(a: Step, b: Step): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'value' && b.kind === 'value') return a.criterionId === b.criterionId;
  if (a.kind === 'text' && b.kind === 'text') return a.field === b.field;
  return true;
}

/** Position (1-based) of a value step among the criteria, for "Chỉ tiêu 2/5". */
export function criterionPosition(draft: ReportDraft, criterionId: number): { index: number; of: number } {
  return { index: draft.criteria.findIndex((c) => c.id === criterionId) + 1, of: draft.criteria.length };
}

function advance(draft: ReportDraft): ReportDraft {
  if (draft.returnToSummary) return { ...draft, step: { kind: 'summary' }, returnToSummary: false };
  const steps = stepSequence(draft);
  const i = steps.findIndex((s) => sameStep(s, draft.step));
  return { ...draft, step: steps[i + 1] ?? { kind: 'summary' } };
}

const refuse = (error: FlowError): FlowResult => ({ ok: false, error });
const unexpected = (draft: ReportDraft): FlowResult => refuse({ code: 'unexpected_input', step: draft.step.kind });

/** Applies one input to the draft; a refusal leaves the draft as it was. */
export function applyInput(draft: ReportDraft, input: FlowInput): FlowResult {
  if (input.kind === 'attachment') {
    if (draft.attachments.length >= MAX_ATTACHMENTS)
      return refuse({ code: 'too_many_attachments', max: MAX_ATTACHMENTS });
    return { ok: true, draft: { ...draft, attachments: [...draft.attachments, input.attachment] } };
  }
  const step = draft.step;
  switch (step.kind) {
    case 'value':
      return applyToValue(draft, step.criterionId, input);
    case 'text':
      return applyToText(draft, step.field, input);
    case 'attachments':
      return input.kind === 'skip' ? { ok: true, draft: advance(draft) } : unexpected(draft);
    case 'summary':
      return input.kind === 'edit_menu'
        ? { ok: true, draft: { ...draft, step: { kind: 'edit_menu' } } }
        : unexpected(draft);
    case 'edit_menu':
      if (input.kind === 'back') return { ok: true, draft: { ...draft, step: { kind: 'summary' } } };
      if (
        input.kind === 'edit' &&
        stepSequence(draft).some((s) => sameStep(s, input.step)) &&
        input.step.kind !== 'summary'
      ) {
        return { ok: true, draft: { ...draft, step: input.step, returnToSummary: true } };
      }
      return unexpected(draft);
  }
}

function applyToValue(draft: ReportDraft, criterionId: number, input: FlowInput): FlowResult {
  const key = String(criterionId);
  const criterion = draft.criteria.find((c) => c.id === criterionId);
  if (!criterion) return unexpected(draft);
  const set = (value: number): FlowResult => ({
    ok: true,
    draft: advance({ ...draft, values: { ...draft.values, [key]: value } }),
  });
  switch (input.kind) {
    case 'text': {
      const parsed = parseCriterionValue(input.text, criterion.valueType);
      return parsed.ok ? set(parsed.value) : refuse(parsed.error);
    }
    case 'zero':
      return set(0);
    case 'keep':
      return key in draft.values ? { ok: true, draft: advance(draft) } : refuse({ code: 'nothing_to_keep' });
    default:
      return unexpected(draft);
  }
}

function applyToText(draft: ReportDraft, field: TextField, input: FlowInput): FlowResult {
  const set = (text: string | null): FlowResult => ({
    ok: true,
    draft: advance({ ...draft, texts: { ...draft.texts, [field]: text } }),
  });
  switch (input.kind) {
    case 'text': {
      const parsed = parseFreeText(input.text);
      return parsed.ok ? set(parsed.text) : refuse(parsed.error);
    }
    case 'skip':
      return set(null);
    case 'keep':
      return draft.texts[field] !== null ? { ok: true, draft: advance(draft) } : refuse({ code: 'nothing_to_keep' });
    default:
      return unexpected(draft);
  }
}
