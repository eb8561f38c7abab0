// GET pages of a personal link: the form of a period and the receipt of a stored revision.
import { Hono } from 'hono';
import { isLocked, isOnTime } from '../core/periods.js';
import { formatDateTimeVi } from '../core/time.js';
import { getReport, listAttachments, listRevisions } from '../db/reports.js';
import { deadlinesOf, dueDateOf, lockDateOf } from '../reporting/report-context.js';
import { newFormNonce } from './csrf.js';
import { html, type WebReportEnv, type WebReportRuntime } from './env.js';
import { loadFormContext } from './form-model.js';
import { VIAS } from './messages.js';
import { choosePeriod, periodToOpen } from './period-choice.js';
import { formEnv, renderForm, renderLocked } from './render-form.js';
import { ReceiptPage } from './ui/receipt-page.js';

export function formRoutes(rt: WebReportRuntime): Hono<WebReportEnv> {
  const app = new Hono<WebReportEnv>();

  app.get('/:token', async (c) => {
    const holder = c.get('holder');
    const { db, timeZone } = rt.deps;
    const key = c.req.query('ky') || (await periodToOpen(db, holder.bloc, holder.unit.id, rt.deps.now(), timeZone));
    const choice = choosePeriod(holder.bloc, key, rt.deps.now(), timeZone);
    if (choice.kind === 'closed')
      return renderLocked(c, rt, 200, holder, choice.period, choice.current, null, newFormNonce());
    const period = choice.kind === 'open' ? choice.period : choice.current;
    const ctx = await loadFormContext(formEnv(c, rt), holder, period);
    return renderForm(c, rt, 200, ctx, { nonce: newFormNonce() });
  });

  app.get('/:token/receipt', async (c) => {
    const holder = c.get('holder');
    const { db, timeZone } = rt.deps;
    const now = rt.deps.now();
    const formHref = `${rt.base}/${c.get('token')}`;
    const choice = choosePeriod(holder.bloc, c.req.query('ky'), now, timeZone);
    if (choice.kind === 'invalid') return c.redirect(formHref, 303);
    const period = choice.period;
    const report = await getReport(db, holder.bloc.id, holder.unit.id, period.key);
    const lan = Number(c.req.query('lan') ?? report?.revision);
    const revision = report ? (await listRevisions(db, report.id)).find((r) => r.revision === lan) : undefined;
    if (!report || !revision) return c.redirect(`${formHref}?ky=${period.key}`, 303);
    const deadlines = deadlinesOf(holder.bloc, period, timeZone);
    const snapshot = JSON.parse(revision.snapshot) as { isNil?: boolean };
    const files = await listAttachments(db, report.id);
    const attachments = files.filter((a) => a.added_in_revision === revision.revision).length;
    return html(
      c,
      200,
      <ReceiptPage
        base={rt.base}
        totalFiles={files.filter((a) => a.added_in_revision <= revision.revision).length}
        facts={{
          label: period.label,
          unit: holder.unit.name,
          at: formatDateTimeVi(new Date(revision.submitted_at), timeZone),
          revision: revision.revision,
          onTime: isOnTime(new Date(report.first_submitted_at), deadlines),
          dueDate: dueDateOf(holder.bloc, period),
          lockDate: lockDateOf(holder.bloc, period),
          isNil: snapshot.isNil === true,
          attachments,
        }}
        via={VIAS[revision.submitted_via]}
        locked={isLocked(now, deadlines)}
        editHref={`${formHref}?ky=${period.key}`}
        formHref={formHref}
      />,
    );
  });

  return app;
}
