import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { periodContaining, periodDeadlines } from '../../core/periods.js';
import { type ReminderPolicy, reminderPolicyProblems } from '../../core/reminder-policy.js';
import { parseMonthDay } from '../../core/month-day.js';
import { localDateOf } from '../../core/time.js';
import { getBloc, updateBlocSettings } from '../../db/blocs.js';
import { getDigestSchedule } from '../../db/digests.js';
import { getReminderPolicy, saveReminderPolicy } from '../../db/reminder-policies.js';
import { updateDigestSchedule } from '../../summaries/schedule-entries.js';
import { canEditBloc, currentAdmin, notFound } from '../auth/access.js';
import type { AdminEnv } from '../env.js';
import { applyChange } from '../http/change.js';
import { checkbox, choice, clockTime, evenWithFieldErrors, int, optionalInt } from '../http/fields.js';
import { type FormState, typedValues, validForm } from '../http/form.js';
import { scheduleText as t } from '../messages.js';
import { showDateTime } from '../ui/format.js';
import { type ScheduleForms, SchedulePage } from './schedule-pages.js';

const reportingSchema = z
  .object({ cadence: choice(['week', 'month'] as const), graceDays: int(0, 31), lockDays: int(0, 366) })
  .superRefine((v, ctx) => {
    if (typeof v.graceDays === 'number' && typeof v.lockDays === 'number' && v.lockDays < v.graceDays)
      ctx.addIssue({ code: 'custom', path: ['lockDays'], message: t.lockBeforeGrace });
  }, evenWithFieldErrors);

const reminderSchema = z.object({
  enabled: checkbox,
  beforeDays: optionalInt(0, 31),
  beforeTime: clockTime(),
  afterTime: clockTime(),
  afterEveryDays: int(1, 31),
  afterMax: int(0, 10),
  escalateTo: choice(['none', 'chair', 'unit_head'] as const),
  sendFrom: clockTime(),
  sendUntil: clockTime(),
  sendOnWeekends: checkbox,
});

const dayMonthField = () =>
  z
    .preprocess((v) => (typeof v === 'string' ? v : ''), z.string())
    .transform((v, ctx) => {
      const md = /^\s*\d{1,2}\/\d{1,2}\s*$/.test(v) ? parseMonthDay(v) : null;
      if (!md) {
        ctx.addIssue({ code: 'custom', message: t.badMonthDay });
        return z.NEVER;
      }
      return md;
    });

const digestSchema = z.object({
  enabled: checkbox,
  weekday: int(1, 7),
  time: clockTime(),
  midYearOn: dayMonthField(),
  annualOn: dayMonthField(),
  summaryTime: clockTime(),
});

/** /blocs/:blocId/schedule: reporting cadence and deadlines, reminders and quiet hours, digest times. */
export function scheduleRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  const render = async (c: Context<AdminEnv>, forms: ScheduleForms = {}) => {
    const { db, now, timeZone } = c.get('deps');
    const bloc = (await getBloc(db, c.get('bloc').id)) ?? notFound();
    const period = periodContaining(bloc.reportingCadence, localDateOf(now(), timeZone));
    const d = periodDeadlines(period, { graceDays: bloc.graceDays, lockDays: bloc.lockDays }, timeZone);
    const v = {
      bloc,
      canEdit: canEditBloc(currentAdmin(c), bloc.id),
      example: t.example(showDateTime(d.deadline, timeZone), showDateTime(d.lockAt, timeZone)),
      policy: await getReminderPolicy(db, bloc.id),
      digest: await getDigestSchedule(db, bloc.id),
    };
    return c.render(<SchedulePage v={v} forms={forms} />, { title: `${t.title} · ${bloc.name}` });
  };
  const invalid = async (c: Context<AdminEnv>, which: keyof ScheduleForms, errors: Record<string, string>) => {
    c.status(422);
    const form: FormState = { values: typedValues(await c.req.parseBody()), errors };
    return render(c, { [which]: form });
  };

  app.get('/', (c) => render(c));

  app.post(
    '/reporting',
    validForm(reportingSchema, (c, f) => render(c, { reporting: f })),
    async (c) => {
      const bloc = c.get('bloc');
      const v = c.req.valid('form');
      await applyChange(c, async (trx, audit) => {
        await updateBlocSettings(trx, bloc.id, {
          reportingCadence: v.cadence,
          graceDays: v.graceDays,
          lockDays: v.lockDays,
        });
        await audit({
          action: 'bloc.reporting',
          entity: 'bloc',
          entityId: bloc.id,
          blocId: bloc.id,
          details: {
            before: { cadence: bloc.reportingCadence, graceDays: bloc.graceDays, lockDays: bloc.lockDays },
            after: v,
          },
        });
      });
      return c.redirect(`/blocs/${bloc.id}/schedule?ok=saved#reporting`, 303);
    },
  );

  app.post(
    '/reminders',
    validForm(reminderSchema, (c, f) => render(c, { reminders: f })),
    async (c) => {
      const bloc = c.get('bloc');
      const policy: ReminderPolicy = c.req.valid('form');
      const problems = reminderPolicyProblems(policy);
      if (problems.length > 0) return invalid(c, 'reminders', { sendUntil: problems.join(' ') });
      const admin = currentAdmin(c);
      await applyChange(c, async (trx, audit) => {
        await saveReminderPolicy(trx, bloc.id, policy, { at: c.get('deps').now(), by: admin.username });
        await audit({
          action: 'reminder.policy',
          entity: 'reminder_policy',
          entityId: bloc.id,
          blocId: bloc.id,
          details: policy,
        });
      });
      return c.redirect(`/blocs/${bloc.id}/schedule?ok=saved#reminders`, 303);
    },
  );

  app.post(
    '/digest',
    validForm(digestSchema, (c, f) => render(c, { digest: f })),
    async (c) => {
      const bloc = c.get('bloc');
      const v = c.req.valid('form');
      const admin = currentAdmin(c);
      // The summaries module validates again and writes the audit log in the change's transaction.
      const r = await updateDigestSchedule(
        c.get('deps').db,
        bloc.id,
        {
          enabled: v.enabled ? 'true' : 'false',
          weekday: String(v.weekday),
          time: v.time,
          midYearOn: v.midYearOn,
          annualOn: v.annualOn,
          summaryTime: v.summaryTime,
        },
        { name: admin.username, adminUserId: admin.id },
        c.get('deps').now(),
      );
      if (!r.ok) return invalid(c, 'digest', { _form: r.errors.join(' ') });
      return c.redirect(`/blocs/${bloc.id}/schedule?ok=saved#digest`, 303);
    },
  );

  return app;
}
