// Rendering the form in its situations: fresh, refused (errors, conflict, locked, already
// reported). Whatever was typed is always shown back.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isLocked, type ReportingPeriod } from '../core/periods.js';
import { deadlinesOf } from '../reporting/report-context.js';
import type { LinkHolder } from './access.js';
import { html, type WebReportEnv, type WebReportRuntime } from './env.js';
import type { FieldError, FormEntries } from './form-input.js';
import { type FormContext, type FormEnv, formView, loadFormContext, storedEntries } from './form-model.js';
import { W } from './messages.js';
import { FormPage, type FormView } from './ui/form-page.js';

/** The request's form environment. */
export function formEnv(c: Context<WebReportEnv>, rt: WebReportRuntime): FormEnv {
  return {
    db: rt.deps.db,
    now: rt.deps.now(),
    timeZone: rt.deps.timeZone,
    base: rt.base,
    token: c.get('token'),
    formSecret: rt.formSecret,
  };
}

export async function renderForm(
  c: Context<WebReportEnv>,
  rt: WebReportRuntime,
  status: ContentfulStatusCode,
  ctx: FormContext,
  r: {
    entries?: FormEntries;
    nonce: string;
    errors?: FieldError[];
    notice?: FormView['notice'];
    readOnly?: boolean;
    reportBase?: string;
  },
): Promise<Response> {
  const env = formEnv(c, rt);
  const v = await formView(env, c.get('holder'), ctx, { ...r, entries: r.entries ?? storedEntries(ctx.target) });
  return html(c, status, <FormPage v={v} />);
}

/**
 * A period that can no longer be reported: its stored report (or what was just posted, so nothing
 * typed is lost) shown read-only with the lock message and a way to the current period.
 */
export async function renderLocked(
  c: Context<WebReportEnv>,
  rt: WebReportRuntime,
  status: ContentfulStatusCode,
  holder: LinkHolder,
  period: ReportingPeriod,
  current: ReportingPeriod,
  posted: ((ctx: FormContext) => FormEntries) | null,
  nonce: string,
): Promise<Response> {
  const ctx = await loadFormContext(formEnv(c, rt), holder, period);
  // An older period than the previous one is refused before its lock date when the lock is longer
  // than a period: saying it "đã khóa sổ từ hết ngày" a date still ahead would be untrue.
  const locked = isLocked(rt.deps.now(), deadlinesOf(holder.bloc, period, rt.deps.timeZone));
  const why = locked ? W.locked(period.label, ctx.view.lockDate) : W.notOffered(period.label);
  const text = `${why}${!posted && !ctx.target.stored ? ` ${W.lockedNoReport}` : ''}`;
  return renderForm(c, rt, status, ctx, {
    nonce,
    entries: posted ? posted(ctx) : undefined,
    readOnly: true,
    notice: {
      kind: 'locked',
      title: locked ? W.lockedTitle : W.notOfferedTitle,
      text,
      currentHref: `${rt.base}/${c.get('token')}?ky=${current.key}`,
      currentLabel: current.label,
      posted: posted !== null,
    },
  });
}
