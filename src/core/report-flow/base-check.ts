// Several focal points of one unit may draft the same period's report at once. A draft remembers
// the stored revision it started from (its base); sending it over a report stored since would
// replace figures its author never saw. So sending checks the base against what is stored now,
// and a refused draft can be rebased on the stored report instead of being lost. Any channel (the
// bot, a web form) uses these two rules.

import { type ExistingReport, startDraft, stepSequence } from './machine.js';
import { type FlowCriterion, type FlowPeriod, type ReportDraft, TEXT_FIELDS, type TextField } from './types.js';

/** Why a draft may not be stored as it is: a report was stored since it started as new, or revised since its base. */
export interface BaseConflict {
  kind: 'created' | 'revised';
  /** The stored report's revision now. */
  revision: number;
}

/** The conflict between a draft and the report stored now for its period; null when the draft was started from it. */
export function baseConflict(
  draft: Pick<ReportDraft, 'base'>,
  stored: { reportId: number; revision: number } | null,
): BaseConflict | null {
  if (stored === null) return null;
  if (draft.base === null) return { kind: 'created', revision: stored.revision };
  if (draft.base.reportId !== stored.reportId || draft.base.revision !== stored.revision) {
    return { kind: 'revised', revision: stored.revision };
  }
  return null;
}

/** What the draft's author started from: the base revision's content (null for a new report). */
export interface BaseContent {
  values: { criterionId: number; value: number }[];
  texts: Record<TextField, string | null>;
}

/** An entry of the rebased draft that will replace different stored content when sent. */
export type Override =
  | { kind: 'value'; criterion: FlowCriterion; mine: number; stored: number | null }
  | { kind: 'text'; field: TextField };

/**
 * The draft started again on the stored report: what the author changed from their base is kept
 * (a new draft's every entry counts as changed), the rest is taken from the stored report, new
 * evidence is kept. Also lists where the author's entries replace different stored content.
 */
export function rebaseDraft(
  draft: ReportDraft,
  base: BaseContent | null,
  target: { period: FlowPeriod; criteria: FlowCriterion[]; existing: ExistingReport | null },
): { draft: ReportDraft; overrides: Override[] } {
  const fresh = startDraft(target);
  const baseValues = new Map((base?.values ?? []).map((v) => [String(v.criterionId), v.value]));
  const values = { ...fresh.values };
  const overrides: Override[] = [];
  for (const criterion of target.criteria) {
    const id = String(criterion.id);
    const mine = draft.values[id];
    if (mine === undefined || mine === baseValues.get(id)) continue;
    const stored = fresh.values[id];
    values[id] = mine;
    if (stored !== mine) overrides.push({ kind: 'value', criterion, mine, stored: stored ?? null });
  }
  const texts = { ...fresh.texts };
  for (const field of TEXT_FIELDS) {
    const mine = draft.texts[field];
    if (mine === (base?.texts[field] ?? null)) continue;
    if (texts[field] !== mine) overrides.push({ kind: 'text', field });
    texts[field] = mine;
  }
  const rebased: ReportDraft = { ...fresh, values, texts, attachments: [...draft.attachments] };
  const firstMissing = stepSequence(rebased).find((s) => s.kind === 'value' && !(String(s.criterionId) in values));
  return { draft: { ...rebased, step: firstMissing ?? { kind: 'summary' } }, overrides };
}
