import { type Context, Hono } from 'hono';
import { parseEmailAddress } from '../../core/email-address.js';
import { normalizeText } from '../../core/normalize.js';
import { emailDeliveryStates } from '../../db/email-addresses.js';
import { canEditBloc, currentAdmin, forbidden } from '../auth/access.js';
import type { AdminEnv } from '../env.js';
import { applyChange } from '../http/change.js';
import { emptyForm, type FormState } from '../http/form.js';
import { emailAdminText as t } from '../messages.js';
import { EmailPage } from './email-page.js';

/**
 * /blocs/:blocId/delivery/email: the e-mail channel's settings as the admin sees them (the sender,
 * a test mail sent at once through the configured server) and each focal point's mail state.
 */
export function emailRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  const render = async (
    c: Context<AdminEnv>,
    testForm: FormState,
    testResult: Parameters<typeof EmailPage>[0]['testResult'],
  ) => {
    const { db, timeZone, sendTestMail, mailSender } = c.get('deps');
    const bloc = c.get('bloc');
    return c.render(
      <EmailPage
        blocId={bloc.id}
        sender={sendTestMail ? (mailSender ?? null) : null}
        canSendTest={canEditBloc(currentAdmin(c), bloc.id)}
        testForm={testForm}
        testResult={testResult}
        people={await emailDeliveryStates(db, bloc.id)}
        timeZone={timeZone}
      />,
      { title: `${t.tabTitle} · ${bloc.name}` },
    );
  };

  app.get('/', (c) => render(c, emptyForm, null));

  app.post('/test', async (c) => {
    const send = c.get('deps').sendTestMail;
    if (!send || !canEditBloc(currentAdmin(c), c.get('bloc').id)) forbidden();
    const body = await c.req.parseBody();
    const typed = typeof body.to === 'string' ? normalizeText(body.to) : '';
    const parsed = parseEmailAddress(typed);
    if (!parsed.ok) {
      c.status(422);
      return render(c, { values: { to: typed }, errors: { to: t.problems[parsed.problem] } }, null);
    }
    const result = await send(parsed.address);
    await applyChange(c, (_trx, audit) =>
      audit({
        action: 'email.test',
        entity: 'bloc',
        entityId: c.get('bloc').id,
        blocId: c.get('bloc').id,
        details: { to: parsed.address, ok: result.ok, ...(result.ok ? {} : { error: result.error }) },
      }),
    );
    if (!result.ok) c.status(502);
    return render(
      c,
      { values: { to: parsed.address }, errors: {} },
      result.ok ? { ok: true, to: parsed.address } : result,
    );
  });

  return app;
}
