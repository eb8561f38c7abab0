import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { addDays, daysBetween, isValidIsoDate, localDateOf } from '../../core/time.js';
import { deleteHoliday, listHolidays, type PublicHoliday, upsertHoliday } from '../../db/holidays.js';
import { currentAdmin, notFound, provinceAdminChanges } from '../auth/access.js';
import type { AdminEnv } from '../env.js';
import { applyChange } from '../http/change.js';
import { date, evenWithFieldErrors, optionalDate, text } from '../http/fields.js';
import { emptyForm, type FormState, validForm } from '../http/form.js';
import { common, holidaysText as t } from '../messages.js';
import { showDate } from '../ui/format.js';
import { DateField, ErrorSummary, Field, PostForm } from '../ui/forms.js';

const MAX_DAYS = 15;

const holidaySchema = z.object({ from: date(), to: optionalDate(), name: text(120) }).superRefine((v, ctx) => {
  if (typeof v.from !== 'string' || typeof v.to !== 'string') return;
  if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: t.toBeforeFrom });
  else if (daysBetween(v.from, v.to) >= MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: t.tooLong });
}, evenWithFieldErrors);

function HolidaysPage(props: { year: number; holidays: PublicHoliday[]; canEdit: boolean; form: FormState }) {
  return (
    <>
      <h1>{t.title}</h1>
      <p class="muted">{t.intro}</p>
      <p class="actions">
        {t.year}:
        {[props.year - 1, props.year, props.year + 1].map((y) =>
          y === props.year ? <b>{y}</b> : <a href={`/holidays?year=${y}`}>{y}</a>,
        )}
      </p>
      <section class="card">
        {props.holidays.length === 0 ? (
          <p>{t.none(props.year)}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t.colDate}</th>
                  <th>{t.colName}</th>
                  {props.canEdit ? <th></th> : null}
                </tr>
              </thead>
              <tbody>
                {props.holidays.map((h) => (
                  <tr>
                    <td>{showDate(h.date)}</td>
                    <td>{h.name}</td>
                    {props.canEdit ? (
                      <td>
                        <PostForm action={`/holidays/${h.date}/delete`} confirm={t.deleteConfirm}>
                          <button type="submit" class="secondary small">
                            {t.delete}
                          </button>
                        </PostForm>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {props.canEdit ? null : <p class="muted small">{t.readOnly}</p>}
      </section>
      {props.canEdit ? (
        <section class="card">
          <h2>{t.addTitle}</h2>
          <ErrorSummary form={props.form} />
          <PostForm action={`/holidays?year=${props.year}`}>
            <div class="inline-fields">
              <DateField label={t.from} name="from" form={props.form} required />
              <DateField label={t.to} name="to" form={props.form} hint={t.toHint} />
            </div>
            <Field label={t.name} name="name" form={props.form} hint={t.nameHint} required maxlength={120} />
            <button type="submit">{common.add}</button>
          </PostForm>
        </section>
      ) : null}
    </>
  );
}

/** /holidays: the public holidays (one table for the province); province admins edit it. */
export function holidayRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use('*', provinceAdminChanges());

  const yearOf = (c: Context<AdminEnv>) => {
    const q = c.req.query('year');
    const n = q && /^\d{4}$/.test(q) ? Number(q) : Number.NaN;
    const { now, timeZone } = c.get('deps');
    return n >= 2000 && n <= 2100 ? n : Number(localDateOf(now(), timeZone).slice(0, 4));
  };
  const render = async (c: Context<AdminEnv>, form: FormState) => {
    const year = yearOf(c);
    const holidays = await listHolidays(c.get('deps').db, `${year}-01-01`, `${year}-12-31`);
    return c.render(
      <HolidaysPage year={year} holidays={holidays} canEdit={currentAdmin(c).role === 'province_admin'} form={form} />,
      { title: t.title },
    );
  };

  app.get('/', (c) => render(c, emptyForm));

  app.post('/', validForm(holidaySchema, render), async (c) => {
    const v = c.req.valid('form');
    const days: string[] = [];
    for (let d = v.from; d <= (v.to ?? v.from); d = addDays(d, 1)) days.push(d);
    await applyChange(c, async (trx, audit) => {
      for (const d of days) await upsertHoliday(trx, d, v.name);
      await audit({
        action: 'holiday.add',
        entity: 'public_holiday',
        entityId: v.from,
        details: { dates: days, name: v.name },
      });
    });
    return c.redirect(`/holidays?year=${v.from.slice(0, 4)}&ok=holidaysSaved`, 303);
  });

  app.post('/:date/delete', async (c) => {
    const day = c.req.param('date');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !isValidIsoDate(day)) notFound();
    const existing = await listHolidays(c.get('deps').db, day, day);
    if (existing.length === 0) notFound();
    await applyChange(c, async (trx, audit) => {
      await deleteHoliday(trx, day);
      await audit({ action: 'holiday.delete', entity: 'public_holiday', entityId: day, details: existing[0] });
    });
    return c.redirect(`/holidays?year=${day.slice(0, 4)}&ok=deleted`, 303);
  });

  return app;
}
