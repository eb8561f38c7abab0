// The report draft: what a focal point has entered so far for one period, independent of the
// channel (Telegram today, a personal web form next). Stored as JSON, so only plain data here.

export type ValueType = 'count' | 'decimal' | 'percent';

/** A quantitative covenant criterion as the flow needs it (snapshotted into the draft). */
export interface FlowCriterion {
  id: number;
  code: string;
  title: string;
  unitOfMeasure: string | null;
  valueType: ValueType;
}

/** The reporting period the draft is for. */
export interface FlowPeriod {
  kind: 'week' | 'month';
  key: string;
  start: string;
  end: string;
  label: string;
}

export type TextField = 'notableResults' | 'difficulties' | 'proposals';

export const TEXT_FIELDS: readonly TextField[] = ['notableResults', 'difficulties', 'proposals'];

/** Evidence sent with the report: a Telegram file reference (or, later, an uploaded file). */
export interface DraftAttachment {
  kind: 'photo' | 'document';
  fileId: string;
  fileUniqueId: string | null;
  fileName: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
  caption: string | null;
}

/** Where the focal point is in the flow. */
export type Step =
  | { kind: 'value'; criterionId: number }
  | { kind: 'text'; field: TextField }
  | { kind: 'attachments' }
  | { kind: 'summary' }
  | { kind: 'edit_menu' };

/** The stored report the draft revises, if the period already has one. */
export interface DraftBase {
  reportId: number;
  revision: number;
  isNil: boolean;
  attachmentCount: number;
}

export interface ReportDraft {
  schema: 1;
  period: FlowPeriod;
  criteria: FlowCriterion[];
  base: DraftBase | null;
  /** Entered (or, when revising, carried over) values keyed by criterion id. */
  values: Record<string, number>;
  texts: Record<TextField, string | null>;
  /** New evidence only; evidence of earlier revisions stays stored with the report. */
  attachments: DraftAttachment[];
  step: Step;
  /** Set while one step is being changed from the summary: the next step is the summary again. */
  returnToSummary: boolean;
}

/** What a focal point can do at a step, whatever the channel's buttons or fields look like. */
export type FlowInput =
  | { kind: 'text'; text: string }
  | { kind: 'zero' }
  | { kind: 'keep' }
  | { kind: 'skip' }
  | { kind: 'attachment'; attachment: DraftAttachment }
  | { kind: 'edit_menu' }
  | { kind: 'edit'; step: Step }
  | { kind: 'back' };

/** Why an input was refused; each surface words these in its own message catalogue. */
export type FlowError =
  | { code: 'not_a_number' }
  | { code: 'negative' }
  | { code: 'decimal_not_allowed' }
  | { code: 'thousands_separator'; suggestion: string }
  | { code: 'too_many_decimals'; max: number }
  | { code: 'too_large'; max: number }
  | { code: 'text_too_long'; max: number; length: number }
  | { code: 'empty_text' }
  | { code: 'too_many_attachments'; max: number }
  | { code: 'nothing_to_keep' }
  | { code: 'unexpected_input'; step: Step['kind'] };

export type FlowResult = { ok: true; draft: ReportDraft } | { ok: false; error: FlowError };
