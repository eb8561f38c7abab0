// GET pages of a personal link: the form of a period and the receipt of a stored revision.
import { Hono } from 'hono';
import { isLocked } from '../core/periods.js';
import { storedReceipt } from '../reporting/receipt.js';
import { deadlinesOf } from '../reporting/report-context.js';
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
    const lan = c.req.query('lan');
    const receipt = await storedReceipt(db, holder, period, lan === undefined ? undefined : Number(lan), timeZone);
    if (!receipt) return c.redirect(`${formHref}?ky=${period.key}`, 303);
    return html(
      c,
      200,
      <ReceiptPage
        base={rt.base}
        totalFiles={receipt.totalFiles}
        facts={receipt.facts}
        via={VIAS[receipt.via]}
        state={
          choice.kind === 'open'
            ? 'taken'
            : isLocked(now, deadlinesOf(holder.bloc, period, timeZone))
              ? 'locked'
              : 'notTaken'
        }
        editHref={`${formHref}?ky=${period.key}`}
        formHref={formHref}
      />,
    );
  });

  return app;
}
