// Zod builders for form fields: every text is NFC-normalised, every message is Vietnamese.

import { z } from 'zod';
import { parseDateVi } from '../../core/date-input.js';
import { normalizeText } from '../../core/normalize.js';
import { isValidClockTime } from '../../core/quiet-hours.js';
import { parseCriterionValue } from '../../core/report-flow/number-input.js';
import { common as m } from '../messages.js';

/** A form value as text: missing fields and files count as empty (preprocess: a missing key still runs). */
const raw = z.preprocess((v) => (typeof v === 'string' ? normalizeText(v) : ''), z.string());

/** Required text, normalised, at most `max` characters. */
export function text(max = 200) {
  return raw.pipe(z.string().min(1, m.required).max(max, m.tooLong(max)));
}

/** Optional text: empty becomes null. */
export function optionalText(max = 200) {
  return raw.pipe(z.string().max(max, m.tooLong(max))).transform((v) => (v === '' ? null : v));
}

/** A required date typed dd/mm/yyyy, as 'YYYY-MM-DD'. */
export function date() {
  return raw.transform((v, ctx) => {
    if (v === '') {
      ctx.addIssue({ code: 'custom', message: m.required });
      return z.NEVER;
    }
    const d = parseDateVi(v);
    if (!d) {
      ctx.addIssue({ code: 'custom', message: m.badDate });
      return z.NEVER;
    }
    return d;
  });
}

/** An optional date: empty becomes null. */
export function optionalDate() {
  return raw.transform((v, ctx) => {
    if (v === '') return null;
    const d = parseDateVi(v);
    if (!d) {
      ctx.addIssue({ code: 'custom', message: m.badDate });
      return z.NEVER;
    }
    return d;
  });
}

/** A whole number in [min, max]. */
export function int(min: number, max: number) {
  return raw.transform((v, ctx) => {
    const n = Number(v);
    if (v === '' || !/^-?\d+$/.test(v) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: m.badInt(min, max) });
      return z.NEVER;
    }
    return n;
  });
}

/** An optional whole number in [min, max]: empty becomes null. */
export function optionalInt(min: number, max: number) {
  return raw.transform((v, ctx) => {
    if (v === '') return null;
    const n = Number(v);
    if (!/^-?\d+$/.test(v) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: m.badInt(min, max) });
      return z.NEVER;
    }
    return n;
  });
}

/**
 * A typed non-negative number, read as the bot reads figures: '2,5' is two and a half, while
 * '1.200' (Vietnamese thousands grouping) is refused with a suggestion rather than read as 1.2.
 */
export function parseAdminNumber(v: string, max = 1e9): { ok: true; value: number } | { ok: false; message: string } {
  const parsed = parseCriterionValue(v, 'decimal');
  if (parsed.ok) return parsed.value <= max ? parsed : { ok: false, message: m.badNumber };
  if (parsed.error.code === 'thousands_separator')
    return { ok: false, message: m.groupedNumber(parsed.error.suggestion) };
  return { ok: false, message: m.badNumber };
}

function toDecimal(v: string, max: number): number | { message: string } {
  const r = parseAdminNumber(v, max);
  return r.ok ? r.value : { message: r.message };
}

/** A non-negative number typed with a dot or a Vietnamese decimal comma ('2,5'). */
export function decimal(max = 1e9) {
  return raw.transform((v, ctx): number => {
    const n = toDecimal(v, max);
    if (typeof n !== 'number') {
      ctx.addIssue({ code: 'custom', message: v === '' ? m.required : n.message });
      return z.NEVER;
    }
    return n;
  });
}

/** An optional non-negative number: empty becomes null. */
export function optionalDecimal(max = 1e9) {
  return raw.transform((v, ctx): number | null => {
    if (v === '') return null;
    const n = toDecimal(v, max);
    if (typeof n !== 'number') {
      ctx.addIssue({ code: 'custom', message: n.message });
      return z.NEVER;
    }
    return n;
  });
}

/** One of the given values. */
export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return raw.pipe(z.enum(values, { message: m.badChoice }));
}

/** A clock time 'HH:MM'. */
export function clockTime() {
  return raw.transform((v, ctx) => {
    const t = v.length === 4 ? `0${v}` : v;
    if (!isValidClockTime(t)) {
      ctx.addIssue({ code: 'custom', message: m.badTime });
      return z.NEVER;
    }
    return t;
  });
}

/** A checkbox: present (any value) is true. */
export const checkbox = z.preprocess((v) => v !== undefined && v !== null && v !== '', z.boolean());

/** A positive row id chosen from a list. */
export function id() {
  return raw.transform((v, ctx) => {
    const n = Number(v);
    if (!/^\d+$/.test(v) || n <= 0 || !Number.isSafeInteger(n)) {
      ctx.addIssue({ code: 'custom', message: m.badChoice });
      return z.NEVER;
    }
    return n;
  });
}

/**
 * For object-level checks: run them even when a field failed, so every problem shows at once (the
 * check must then cope with values that did not parse).
 */
export const evenWithFieldErrors = { when: () => true } as const;
