// What the form page of one period shows, read from the database for the link's holder: the open
// periods, the covenant's criteria with the unit's target and year-to-date figure beside each, and
// the report already stored (the form is prefilled with it when revising).
import type { ReportingPeriod } from '../core/periods.js';
import { formatValue } from '../core/report-flow/number-input.js';
import { formatDateTimeVi } from '../core/time.js';
import type { Db } from '../db/connection.js';
import { getReport } from '../db/reports.js';
import { listPendingUploads } from '../db/web-uploads.js';
import {
  type DraftTarget,
  deadlinesOf,
  draftTarget,
  dueDateOf,
  lockDateOf,
  openPeriods,
  yearOfPeriod,
} from '../reporting/report-context.js';
import { lastDayTakenOf } from '../reporting/period-taken.js';
import { unitProgress } from '../reporting/status.js';
import type { LinkHolder } from './access.js';
import { formToken } from './csrf.js';
import { entriesOf, type FieldError, type FormEntries } from './form-input.js';
import { VIAS } from './messages.js';
import type { FormView } from './ui/form-page.js';

export interface FormEnv {
  db: Db;
  now: Date;
  timeZone: string;
  base: string;
  token: string;
  formSecret: string;
}

/** The form's facts for one period, loaded once per request. */
export interface FormContext {
  target: DraftTarget;
  view: Omit<
    FormView,
    'entries' | 'errors' | 'pending' | 'reportBase' | 'nonce' | 'csrf' | 'notice' | 'readOnly' | 'canNil'
  >;
}

/** The `base` field: which stored revision the form was loaded from ('new' when none). */
export function reportBaseOf(target: DraftTarget): string {
  return target.existing ? `${target.existing.reportId}:${target.existing.revision}` : 'new';
}

/** Reads a posted `base` field; undefined when malformed. */
export function parseReportBase(v: string): { reportId: number; revision: number } | null | undefined {
  if (v === 'new') return null;
  const m = /^(\d{1,12}):(\d{1,6})$/.exec(v);
  return m ? { reportId: Number(m[1]), revision: Number(m[2]) } : undefined;
}

export async function loadFormContext(env: FormEnv, holder: LinkHolder, period: ReportingPeriod): Promise<FormContext> {
  const { db, now, timeZone } = env;
  const target = await draftTarget(db, holder, period);
  const progress = await unitProgress(db, holder, yearOfPeriod(period), { now, timeZone });
  const mine = new Map(progress.map((p) => [p.criterionId, p]));
  const open = openPeriods(holder.bloc, now, timeZone);
  const periods = [];
  for (const [i, p] of open.entries()) {
    const reported =
      p.key === period.key
        ? target.stored !== undefined
        : (await getReport(db, holder.bloc.id, holder.unit.id, p.key)) !== undefined;
    const overdue = !reported && now >= deadlinesOf(holder.bloc, p, timeZone).deadline;
    periods.push({
      key: p.key,
      label: p.label,
      which: i === 0 ? ('current' as const) : ('previous' as const),
      reported,
      overdue,
    });
  }
  const s = target.stored;
  return {
    target,
    view: {
      base: env.base,
      token: env.token,
      unitName: holder.unit.name,
      blocName: holder.bloc.name,
      focalPointName: holder.focalPoint.fullName,
      periods,
      period: target.period,
      dueDate: dueDateOf(holder.bloc, period),
      lockDate: lockDateOf(holder.bloc, period),
      lastDay: lastDayTakenOf(holder.bloc, period),
      criteria: target.criteria.map((c) => ({
        criterion: c,
        target: mine.get(c.id)?.target ?? 0,
        total: mine.get(c.id)?.total ?? 0,
      })),
      stored: s
        ? {
            revision: s.revision,
            at: formatDateTimeVi(new Date(s.updatedAt), timeZone),
            via: VIAS[s.submittedVia],
            isNil: s.isNil,
            attachments: target.existing?.attachmentCount ?? 0,
          }
        : null,
    },
  };
}

/** The stored report's entries (or empty ones), as a fresh form shows them. */
export function storedEntries(target: DraftTarget): FormEntries {
  const values: Record<string, number> = {};
  for (const v of target.existing?.values ?? []) values[String(v.criterionId)] = v.value;
  const texts = target.existing?.texts ?? { notableResults: null, difficulties: null, proposals: null };
  return entriesOf(target.criteria, values, texts, formatValue);
}

/** The whole view: the context plus what this rendering carries. */
export async function formView(
  env: FormEnv,
  holder: LinkHolder,
  ctx: FormContext,
  r: {
    entries: FormEntries;
    nonce: string;
    errors?: FieldError[];
    notice?: FormView['notice'];
    readOnly?: boolean;
    reportBase?: string;
  },
): Promise<FormView> {
  return {
    ...ctx.view,
    entries: r.entries,
    errors: r.errors ?? [],
    pending: r.readOnly ? [] : await listPendingUploads(env.db, holder.link.id, r.nonce),
    reportBase: r.reportBase ?? reportBaseOf(ctx.target),
    nonce: r.nonce,
    csrf: formToken(env.formSecret, holder.link.id, r.nonce),
    notice: r.notice,
    readOnly: r.readOnly ?? false,
    // As in the bot: offered only for a period with no report, and not over entries being corrected.
    canNil: ctx.target.stored === undefined && (r.errors ?? []).length === 0,
  };
}
