// What a finished draft sends, and the few decisions made around sending.

import { type Override, rebaseDraft } from './base-check.js';
import type { ExistingReport } from './machine.js';
import type { DraftAttachment, FlowCriterion, FlowPeriod, ReportDraft, TextField, ValueType } from './types.js';

/** The report a complete draft stands for, ready for storage. */
export interface DraftSubmission {
  isNil: false;
  values: { criterionId: number; value: number }[];
  texts: Record<TextField, string | null>;
  attachments: DraftAttachment[];
}

/** The covenant's quantitative criteria in the flow's shape (qualitative ones are not reported). */
export function toFlowCriteria(
  criteria: {
    id: number;
    code: string;
    title: string;
    kind: string;
    valueType: ValueType | null;
    unitOfMeasure: string | null;
  }[],
): FlowCriterion[] {
  return criteria
    .filter((c) => c.kind === 'quantitative' && c.valueType !== null)
    .map((c) => ({
      id: c.id,
      code: c.code,
      title: c.title,
      unitOfMeasure: c.unitOfMeasure,
      valueType: c.valueType!,
    }));
}

/** Criteria of the draft that still have no value. */
export function missingValues(draft: ReportDraft): FlowCriterion[] {
  return draft.criteria.filter((c) => !(String(c.id) in draft.values));
}

/** The submission of a draft that reached its summary with every value; null if incomplete. */
export function toSubmission(draft: ReportDraft): DraftSubmission | null {
  if (missingValues(draft).length > 0) return null;
  return {
    isNil: false,
    values: draft.criteria.map((c) => ({ criterionId: c.id, value: draft.values[String(c.id)]! })),
    texts: { ...draft.texts },
    attachments: [...draft.attachments],
  };
}

/**
 * A one-tap "nothing new" report is offered only for a period with no report yet and before
 * anything was entered, so it can never silently replace figures.
 */
export function canOfferNil(draft: ReportDraft): boolean {
  return (
    draft.base === null &&
    Object.keys(draft.values).length === 0 &&
    Object.values(draft.texts).every((t) => t === null) &&
    draft.attachments.length === 0
  );
}

/**
 * Carries what was entered over to another period (used when the draft's period locked before it
 * was sent): values of criteria the new period also has, the texts and the evidence. Figures the
 * new period's stored report already has are kept where nothing was entered; where an entry
 * replaces different stored content it is listed, as when a draft is rebased (base-check.ts).
 */
export function movePeriod(
  draft: ReportDraft,
  target: { period: FlowPeriod; criteria: FlowCriterion[]; existing: ExistingReport | null },
): { draft: ReportDraft; overrides: Override[] } {
  return rebaseDraft(draft, null, target);
}
