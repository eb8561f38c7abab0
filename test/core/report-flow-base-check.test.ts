import { describe, expect, it } from 'vitest';
import { baseConflict, rebaseDraft } from '../../src/core/report-flow/base-check.js';
import { type ExistingReport, startDraft } from '../../src/core/report-flow/machine.js';
import type { DraftAttachment, FlowCriterion, FlowPeriod, ReportDraft } from '../../src/core/report-flow/types.js';

const period: FlowPeriod = {
  kind: 'week',
  key: '2026-W47',
  start: '2026-11-16',
  end: '2026-11-22',
  label: 'Tuần 47/2026',
};
const criteria: FlowCriterion[] = [
  { id: 11, code: '1', title: 'Gương điển hình tiên tiến', unitOfMeasure: 'gương', valueType: 'count' },
  { id: 12, code: '2', title: 'Mô hình, sáng kiến', unitOfMeasure: 'mô hình', valueType: 'count' },
];
const photo: DraftAttachment = {
  kind: 'photo',
  fileId: 'F1',
  fileUniqueId: 'U1',
  fileName: null,
  mimeType: null,
  sizeBytes: 1000,
  caption: null,
};
const stored = (revision: number, v1: number, v2: number, notable: string | null): ExistingReport => ({
  reportId: 7,
  revision,
  isNil: false,
  attachmentCount: 1,
  values: [
    { criterionId: 11, value: v1 },
    { criterionId: 12, value: v2 },
  ],
  texts: { notableResults: notable, difficulties: 'Thiếu kinh phí', proposals: null },
});
const atSummary = (
  d: ReportDraft,
  values: Record<string, number>,
  texts: Partial<ReportDraft['texts']> = {},
): ReportDraft => ({
  ...d,
  values,
  texts: { ...d.texts, ...texts },
  step: { kind: 'summary' },
});

describe('baseConflict', () => {
  const newDraft = startDraft({ period, criteria, existing: null });
  const editOf1 = startDraft({ period, criteria, existing: stored(1, 1, 2, 'B') });

  it('lets a draft through when what is stored is what it started from', () => {
    expect(baseConflict(newDraft, null)).toBeNull();
    expect(baseConflict(editOf1, { reportId: 7, revision: 1 })).toBeNull();
  });

  it('refuses a new draft once a report exists, and a revision whose base was revised since', () => {
    expect(baseConflict(newDraft, { reportId: 7, revision: 1 })).toEqual({ kind: 'created', revision: 1 });
    expect(baseConflict(editOf1, { reportId: 7, revision: 2 })).toEqual({ kind: 'revised', revision: 2 });
    expect(baseConflict(editOf1, { reportId: 8, revision: 1 })).toEqual({ kind: 'revised', revision: 1 });
  });
});

describe('rebaseDraft', () => {
  it('keeps every entry of a draft started as new, takes what it left empty from the stored report', () => {
    const mine = {
      ...atSummary(startDraft({ period, criteria, existing: null }), { 11: 5, 12: 2 }, { notableResults: 'A' }),
      attachments: [photo],
    };
    const { draft, overrides } = rebaseDraft(mine, null, { period, criteria, existing: stored(1, 1, 2, 'B') });
    expect(draft.base).toEqual({ reportId: 7, revision: 1, isNil: false, attachmentCount: 1 });
    expect(draft.values).toEqual({ 11: 5, 12: 2 });
    expect(draft.texts).toEqual({ notableResults: 'A', difficulties: 'Thiếu kinh phí', proposals: null });
    expect(draft.attachments).toEqual([photo]);
    expect(draft.step).toEqual({ kind: 'summary' });
    expect(overrides).toEqual([
      { kind: 'value', criterion: criteria[0], mine: 5, stored: 1 },
      { kind: 'text', field: 'notableResults' },
    ]);
  });

  it('keeps only what a revising author changed from their base', () => {
    const base1 = stored(1, 1, 2, 'B');
    const mine = atSummary(startDraft({ period, criteria, existing: base1 }), { 11: 9, 12: 2 });
    const { draft, overrides } = rebaseDraft(
      mine,
      { values: base1.values, texts: base1.texts },
      { period, criteria, existing: stored(2, 1, 7, 'B2') },
    );
    expect(draft.values).toEqual({ 11: 9, 12: 7 });
    expect(draft.texts.notableResults).toBe('B2');
    expect(draft.base?.revision).toBe(2);
    expect(overrides).toEqual([{ kind: 'value', criterion: criteria[0], mine: 9, stored: 1 }]);
  });

  it('goes back to a criterion that neither the draft nor the stored report has a value for', () => {
    const extra: FlowCriterion = { id: 13, code: '5', title: 'Sáng kiến mới', unitOfMeasure: null, valueType: 'count' };
    const mine = atSummary(startDraft({ period, criteria, existing: null }), { 11: 5, 12: 6 });
    const { draft } = rebaseDraft(mine, null, {
      period,
      criteria: [...criteria, extra],
      existing: stored(1, 1, 2, null),
    });
    expect(draft.step).toEqual({ kind: 'value', criterionId: 13 });
  });
});
