// Form validation on the server: a bad form is shown again with each message next to its field
// and every value as it was typed.

import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { AdminEnv } from '../env.js';

/** What a form shows: the values as typed and one message per bad field. */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
}

export const emptyForm: FormState = { values: {}, errors: {} };

/** Text values of a parsed form (files and repeated fields dropped), for showing them back. */
export function typedValues(data: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (data && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
  }
  return out;
}

/** First message per field, keyed by the field's name. */
export function fieldErrors(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_form');
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * Validates the posted form with `schema`; when it is bad, answers with `invalid(c, form)` (the
 * page again, status 422) and the handler never runs.
 */
export function validForm<S extends z.ZodType>(
  schema: S,
  invalid: (c: Context<AdminEnv>, form: FormState) => Response | Promise<Response>,
) {
  return zValidator('form', schema, async (result, ctx) => {
    if (result.success) return;
    const c = ctx as unknown as Context<AdminEnv>;
    c.status(422);
    return invalid(c, { values: typedValues(result.data), errors: fieldErrors(result.error) });
  });
}
