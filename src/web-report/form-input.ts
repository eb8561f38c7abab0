// What the web form posts, read with the same rules as the bot: each figure through
// parseCriterionValue, each text through parseFreeText. The web form shows every field at once,
// so it collects every refusal instead of stopping at the first.
import { FIELD_NAMES } from '../core/report-flow/error-text.js';
import { parseCriterionValue } from '../core/report-flow/number-input.js';
import { parseFreeText } from '../core/report-flow/text-input.js';
import { type FlowCriterion, type FlowError, TEXT_FIELDS, type TextField } from '../core/report-flow/types.js';
import { normalizeText } from '../core/normalize.js';

/** What the person typed, exactly as posted (shown back on any refusal). */
export interface FormEntries {
  values: Record<string, string>;
  texts: Record<TextField, string>;
}

/** A refusal next to one field: `field` is the input's name, `label` what the summary calls it. */
export interface FieldError {
  field: string;
  label: string;
  error: FlowError | { code: 'missing_value' } | { code: 'file'; message: string };
}

export type Body = Record<string, string | File | (string | File)[]>;

/** The input name of a criterion's figure. */
export const valueField = (criterionId: number) => `v_${criterionId}`;

/** The last string posted under a name ('' when none). */
export function stringOf(body: Body, name: string): string {
  const v = body[name];
  const last = Array.isArray(v) ? v.at(-1) : v;
  return typeof last === 'string' ? last : '';
}

/** Every file posted under a name. */
export function filesOf(body: Body, name: string): File[] {
  const v = body[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is File => typeof x !== 'string');
}

/** Every string posted under a name. */
export function stringsOf(body: Body, name: string): string[] {
  const v = body[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
}

/** The entries for these criteria; fields of other criteria, or of no criterion, are ignored. */
export function readEntries(body: Body, criteria: FlowCriterion[]): FormEntries {
  const values: Record<string, string> = {};
  for (const c of criteria) values[String(c.id)] = stringOf(body, valueField(c.id));
  const texts = {} as Record<TextField, string>;
  for (const f of TEXT_FIELDS) texts[f] = stringOf(body, f);
  return { values, texts };
}

/** The entries of a stored report (or none), as the form shows them. */
export function entriesOf(
  criteria: FlowCriterion[],
  values: Record<string, number>,
  texts: Record<TextField, string | null>,
  format: (v: number) => string,
): FormEntries {
  const shown: Record<string, string> = {};
  for (const c of criteria) {
    const v = values[String(c.id)];
    shown[String(c.id)] = v === undefined ? '' : format(v);
  }
  const t = {} as Record<TextField, string>;
  for (const f of TEXT_FIELDS) t[f] = texts[f] ?? '';
  return { values: shown, texts: t };
}

export type Validated =
  | { ok: true; values: Record<string, number>; texts: Record<TextField, string | null> }
  | { ok: false; errors: FieldError[] };

/** Checks every entry: each criterion needs a figure (0 allowed); an empty text means none. */
export function validateEntries(entries: FormEntries, criteria: FlowCriterion[]): Validated {
  const errors: FieldError[] = [];
  const values: Record<string, number> = {};
  for (const c of criteria) {
    const raw = entries.values[String(c.id)] ?? '';
    const label = `${c.code}. ${c.title}`;
    if (normalizeText(raw) === '') {
      errors.push({ field: valueField(c.id), label, error: { code: 'missing_value' } });
      continue;
    }
    const parsed = parseCriterionValue(raw, c.valueType);
    if (parsed.ok) values[String(c.id)] = parsed.value;
    else errors.push({ field: valueField(c.id), label, error: parsed.error });
  }
  const texts = {} as Record<TextField, string | null>;
  for (const f of TEXT_FIELDS) {
    const raw = entries.texts[f];
    if (normalizeText(raw) === '') {
      texts[f] = null;
      continue;
    }
    const parsed = parseFreeText(raw);
    if (parsed.ok) texts[f] = parsed.text;
    else errors.push({ field: f, label: FIELD_NAMES[f], error: parsed.error });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values, texts };
}
