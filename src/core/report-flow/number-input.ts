// How a typed figure becomes a criterion value. Vietnamese writes 1.200 for one thousand two
// hundred and 1,5 for one and a half, while phones often offer '.', so anything that looks like a
// thousands separator is refused with a suggestion rather than guessed (docs/decisions/0012).

import { normalizeText } from '../normalize.js';
import type { FlowError, ValueType } from './types.js';

/** Largest value accepted per value type: a weekly count above 100000 is surely a typo. */
export const MAX_VALUE: Record<ValueType, number> = { count: 100_000, decimal: 1_000_000_000_000, percent: 100 };

/** Digits allowed after the decimal comma for decimal and percent values. */
export const MAX_DECIMALS = 2;

const INTEGER = /^\d+$/;
const DECIMAL = /^(\d+)[.,](\d+)$/;
// One to three digits, then groups of three after '.', ',' or a space, then maybe a decimal part.
const GROUPED = /^([1-9]\d{0,2})((?:[., ]\d{3})+)(?:([.,])(\d+))?$/;
const NEGATIVE = /^[-\u2212\u2012\u2013]\s?\d/;

export type NumberParse = { ok: true; value: number } | { ok: false; error: FlowError };

/** Parses a typed value for a criterion of the given value type; refusals carry a reason code. */
export function parseCriterionValue(input: string, valueType: ValueType): NumberParse {
  // NFKC turns full-width digits and '％' into their plain forms.
  let s = normalizeText(input).normalize('NFKC').replace(/^\+/, '');
  if (valueType === 'percent') s = s.replace(/\s?%$/, '');
  if (s === '') return { ok: false, error: { code: 'not_a_number' } };
  if (NEGATIVE.test(s)) return { ok: false, error: { code: 'negative' } };

  // '1.200', '12,500', '1 200', '1.200.000', '1.200,5': grouped digits are never guessed, even
  // for decimals, since at most two decimals are allowed and a group has three digits.
  const grouped = GROUPED.exec(s);
  if (grouped) return { ok: false, error: { code: 'thousands_separator', suggestion: suggestionFor(grouped) } };

  let value: number;
  if (INTEGER.test(s)) {
    value = Number(s);
  } else {
    const m = DECIMAL.exec(s);
    if (!m) return { ok: false, error: { code: 'not_a_number' } };
    if (valueType === 'count') return { ok: false, error: { code: 'decimal_not_allowed' } };
    if (m[2]!.length > MAX_DECIMALS) return { ok: false, error: { code: 'too_many_decimals', max: MAX_DECIMALS } };
    value = Number(`${m[1]}.${m[2]}`);
  }
  // Digits only reach here, so a non-finite value is an overflow: too large, not "not a number".
  if (!Number.isFinite(value) || value > MAX_VALUE[valueType])
    return { ok: false, error: { code: 'too_large', max: MAX_VALUE[valueType] } };
  return { ok: true, value };
}

function suggestionFor(m: RegExpExecArray): string {
  const whole = m[1]! + m[2]!.replace(/[., ]/g, '');
  return m[4] !== undefined ? `${whole},${m[4]}` : whole;
}

/** A value written the way the bot shows it: no grouping, decimal comma ('1200', '12,5'). */
export function formatValue(value: number): string {
  return new Intl.NumberFormat('vi-VN', { useGrouping: false, maximumFractionDigits: MAX_DECIMALS }).format(value);
}
