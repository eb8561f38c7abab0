import { describe, expect, it } from 'vitest';
import { parseStoredDraft, serializeDraft } from '../../src/core/report-flow/draft-schema.js';
import { applyInput, type ExistingReport, MAX_ATTACHMENTS, startDraft } from '../../src/core/report-flow/machine.js';
import {
  canOfferNil,
  missingValues,
  movePeriod,
  toFlowCriteria,
  toSubmission,
} from '../../src/core/report-flow/submission.js';
import type {
  DraftAttachment,
  FlowCriterion,
  FlowInput,
  FlowPeriod,
  ReportDraft,
} from '../../src/core/report-flow/types.js';

const period: FlowPeriod = {
  kind: 'week',
  key: '2026-W48',
  start: '2026-11-23',
  end: '2026-11-29',
  label: 'Tuần 48/2026',
};
const nextPeriod: FlowPeriod = {
  kind: 'week',
  key: '2026-W49',
  start: '2026-11-30',
  end: '2026-12-06',
  label: 'Tuần 49/2026',
};
const criteria: FlowCriterion[] = [
  { id: 11, code: '1', title: 'Gương điển hình tiên tiến', unitOfMeasure: 'gương', valueType: 'count' },
  { id: 12, code: '2', title: 'Tỷ lệ khen thưởng người lao động trực tiếp', unitOfMeasure: '%', valueType: 'percent' },
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

function run(draft: ReportDraft, ...inputs: FlowInput[]): ReportDraft {
  let d = draft;
  for (const input of inputs) {
    const r = applyInput(d, input);
    if (!r.ok) throw new Error(`refused ${JSON.stringify(input)}: ${JSON.stringify(r.error)}`);
    d = r.draft;
  }
  return d;
}

const fresh = () => startDraft({ period, criteria, existing: null });

describe('report flow', () => {
  it('walks the steps in order: each criterion, the three texts, evidence, summary', () => {
    let d = fresh();
    expect(d.step).toEqual({ kind: 'value', criterionId: 11 });
    d = run(d, { kind: 'text', text: '3' });
    expect(d.step).toEqual({ kind: 'value', criterionId: 12 });
    d = run(d, { kind: 'text', text: '45,5' });
    expect(d.step).toEqual({ kind: 'text', field: 'notableResults' });
    d = run(d, { kind: 'text', text: 'Tổ chức hội thi' }, { kind: 'skip' }, { kind: 'text', text: 'Đề nghị tập huấn' });
    expect(d.step).toEqual({ kind: 'attachments' });
    d = run(d, { kind: 'attachment', attachment: photo }, { kind: 'skip' });
    expect(d.step).toEqual({ kind: 'summary' });
    expect(toSubmission(d)).toEqual({
      isNil: false,
      values: [
        { criterionId: 11, value: 3 },
        { criterionId: 12, value: 45.5 },
      ],
      texts: { notableResults: 'Tổ chức hội thi', difficulties: null, proposals: 'Đề nghị tập huấn' },
      attachments: [photo],
    });
  });

  it('refuses bad input with a reason and leaves the draft unchanged', () => {
    const d = fresh();
    expect(applyInput(d, { kind: 'text', text: 'ba' })).toEqual({ ok: false, error: { code: 'not_a_number' } });
    expect(applyInput(d, { kind: 'keep' })).toEqual({ ok: false, error: { code: 'nothing_to_keep' } });
    expect(applyInput(d, { kind: 'skip' })).toEqual({ ok: false, error: { code: 'unexpected_input', step: 'value' } });
    expect(applyInput(d, { kind: 'edit_menu' })).toEqual({
      ok: false,
      error: { code: 'unexpected_input', step: 'value' },
    });
    const atText = run(d, { kind: 'zero' }, { kind: 'zero' });
    expect(applyInput(atText, { kind: 'zero' }).ok).toBe(false);
    expect(applyInput(atText, { kind: 'text', text: 'x'.repeat(2001) })).toEqual({
      ok: false,
      error: { code: 'text_too_long', max: 2000, length: 2001 },
    });
    const atEvidence = run(atText, { kind: 'skip' }, { kind: 'skip' }, { kind: 'skip' });
    expect(applyInput(atEvidence, { kind: 'text', text: 'ảnh đây' })).toEqual({
      ok: false,
      error: { code: 'unexpected_input', step: 'attachments' },
    });
    expect(d.step).toEqual({ kind: 'value', criterionId: 11 });
    expect(d.values).toEqual({});
  });

  it('takes evidence at any step but no more than the maximum', () => {
    let d = run(fresh(), { kind: 'attachment', attachment: photo });
    expect(d.step).toEqual({ kind: 'value', criterionId: 11 });
    for (let i = 1; i < MAX_ATTACHMENTS; i++) d = run(d, { kind: 'attachment', attachment: photo });
    expect(applyInput(d, { kind: 'attachment', attachment: photo })).toEqual({
      ok: false,
      error: { code: 'too_many_attachments', max: MAX_ATTACHMENTS },
    });
  });

  it('changes one step from the summary and comes back to the summary', () => {
    let d = run(
      fresh(),
      { kind: 'zero' },
      { kind: 'zero' },
      { kind: 'skip' },
      { kind: 'skip' },
      { kind: 'skip' },
      { kind: 'skip' },
    );
    d = run(d, { kind: 'edit_menu' }, { kind: 'edit', step: { kind: 'value', criterionId: 11 } });
    expect(d.step).toEqual({ kind: 'value', criterionId: 11 });
    d = run(d, { kind: 'text', text: '7' });
    expect(d.step).toEqual({ kind: 'summary' });
    expect(d.values['11']).toBe(7);
    d = run(d, { kind: 'edit_menu' }, { kind: 'back' });
    expect(d.step).toEqual({ kind: 'summary' });
    d = run(d, { kind: 'edit_menu' });
    expect(applyInput(d, { kind: 'edit', step: { kind: 'value', criterionId: 99 } }).ok).toBe(false);
    expect(applyInput(d, { kind: 'edit', step: { kind: 'summary' } }).ok).toBe(false);
  });

  it('revising a stored report carries its figures and texts over and offers to keep them', () => {
    const existing: ExistingReport = {
      reportId: 5,
      revision: 2,
      isNil: false,
      attachmentCount: 1,
      values: [
        { criterionId: 11, value: 4 },
        { criterionId: 99, value: 1 },
      ],
      texts: { notableResults: 'Cũ', difficulties: null, proposals: null },
    };
    let d = startDraft({ period, criteria, existing });
    expect(d.base).toEqual({ reportId: 5, revision: 2, isNil: false, attachmentCount: 1 });
    expect(d.values).toEqual({ '11': 4 });
    expect(canOfferNil(d)).toBe(false);
    d = run(d, { kind: 'keep' });
    expect(applyInput(d, { kind: 'keep' })).toEqual({ ok: false, error: { code: 'nothing_to_keep' } });
    d = run(d, { kind: 'text', text: '50' }, { kind: 'keep' });
    expect(d.texts.notableResults).toBe('Cũ');
    expect(applyInput(d, { kind: 'keep' }).ok).toBe(false);
  });

  it('offers "nothing new" only on an untouched draft for a period without a report', () => {
    const d = fresh();
    expect(canOfferNil(d)).toBe(true);
    expect(canOfferNil(run(d, { kind: 'zero' }))).toBe(false);
    expect(canOfferNil(run(d, { kind: 'attachment', attachment: photo }))).toBe(false);
  });

  it('has nothing to submit while a value is missing', () => {
    const d = fresh();
    expect(toSubmission(d)).toBeNull();
    expect(missingValues(d).map((c) => c.id)).toEqual([11, 12]);
  });

  it('moves what was entered to another period, asking only for its new criteria', () => {
    let d = run(fresh(), { kind: 'text', text: '3' }, { kind: 'text', text: '40' }, { kind: 'text', text: 'Kết quả' });
    d = run(d, { kind: 'attachment', attachment: photo });
    const newCriteria = [
      criteria[0]!,
      { id: 13, code: '3', title: 'Mô hình', unitOfMeasure: 'mô hình', valueType: 'count' as const },
    ];
    const moved = movePeriod(d, { period: nextPeriod, criteria: newCriteria, existing: null }).draft;
    expect(moved.period.key).toBe('2026-W49');
    expect(moved.values).toEqual({ '11': 3 });
    expect(moved.texts.notableResults).toBe('Kết quả');
    expect(moved.attachments).toEqual([photo]);
    expect(moved.step).toEqual({ kind: 'value', criterionId: 13 });
    const complete = movePeriod(d, { period: nextPeriod, criteria: [criteria[0]!], existing: null }).draft;
    expect(complete.step).toEqual({ kind: 'summary' });
  });

  it('a flow without quantitative criteria starts with the notable results', () => {
    const d = startDraft({ period, criteria: [], existing: null });
    expect(d.step).toEqual({ kind: 'text', field: 'notableResults' });
  });

  it('keeps only quantitative criteria with a value type', () => {
    const rows = [
      { id: 1, code: '1', title: 'A', kind: 'quantitative', valueType: 'count' as const, unitOfMeasure: 'gương' },
      { id: 2, code: '2', title: 'B', kind: 'qualitative', valueType: null, unitOfMeasure: null },
    ];
    expect(toFlowCriteria(rows).map((c) => c.id)).toEqual([1]);
  });

  it('stores and reads back a draft, refusing anything that is not a draft', () => {
    const d = run(fresh(), { kind: 'text', text: '3' }, { kind: 'attachment', attachment: photo });
    expect(parseStoredDraft(serializeDraft(d))).toEqual(d);
    expect(parseStoredDraft(null)).toBeNull();
    expect(parseStoredDraft('{not json')).toBeNull();
    expect(parseStoredDraft(JSON.stringify({ ...d, schema: 2 }))).toBeNull();
  });
});
