import { type Context, Hono } from 'hono';
import { parseEmailAddress } from '../../core/email-address.js';
import { normalizeText } from '../../core/normalize.js';
import { emailAddressOf, resumeEmailAddress, setEmailAddress } from '../../db/email-addresses.js';
import { canEditBloc, currentAdmin, forbidden } from '../auth/access.js';
import type { AdminEnv } from '../env.js';
import { applyChange } from '../http/change.js';
import type { FormState } from '../http/form.js';
import { emailAdminText as t } from '../messages.js';
import { loadFocalPoint } from './load-focal-point.js';

/** Renders the focal point's page with the e-mail form's typed value and error (status 422). */
export type RenderWithEmailForm = (c: Context<AdminEnv>, emailForm: FormState) => Promise<Response>;

/**
 * /blocs/:blocId/focal-points/:focalPointId/email: a focal point's e-mail address (set, change,
 * remove) and resuming mail after the person unsubscribed. Editors only; audited. A bad address
 * or one that is another person's gets a clear message and changes nothing.
 */
export function emailAddressRoutes(render: RenderWithEmailForm): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const back = (c: Context<AdminEnv>, id: number, ok: string) =>
    c.redirect(`/blocs/${c.get('bloc').id}/focal-points/${id}?ok=${ok}#email`, 303);
  const editable = async (c: Context<AdminEnv>) => {
    const fp = await loadFocalPoint(c);
    if (!canEditBloc(currentAdmin(c), c.get('bloc').id) || fp.status !== 'active') forbidden();
    return fp;
  };

  app.post('/', async (c) => {
    const fp = await editable(c);
    const body = await c.req.parseBody();
    const typed = typeof body.address === 'string' ? normalizeText(body.address) : '';
    const parsed = parseEmailAddress(typed);
    const refuse = (message: string) => {
      c.status(422);
      return render(c, { values: { address: typed }, errors: { address: message, _form: message } });
    };
    if (!parsed.ok) return refuse(t.problems[parsed.problem]);
    const bloc = c.get('bloc');
    const result = await applyChange(c, async (trx, audit) => {
      const r = await setEmailAddress(trx, fp.id, parsed.address, c.get('deps').now());
      if (r.kind === 'set')
        await audit({
          action: 'focal_point.email_set',
          entity: 'focal_point',
          entityId: fp.id,
          blocId: bloc.id,
          details: {
            fullName: fp.fullName,
            before: r.before,
            after: parsed.address,
            ...(r.releasedFrom ? { releasedFrom: r.releasedFrom } : {}),
          },
        });
      return r;
    });
    if (result.kind === 'taken') return refuse(t.taken(result.holderName));
    return back(c, fp.id, 'emailSaved');
  });

  app.post('/remove', async (c) => {
    const fp = await editable(c);
    const bloc = c.get('bloc');
    await applyChange(c, async (trx, audit) => {
      const r = await setEmailAddress(trx, fp.id, null, c.get('deps').now());
      if (r.kind === 'removed')
        await audit({
          action: 'focal_point.email_remove',
          entity: 'focal_point',
          entityId: fp.id,
          blocId: bloc.id,
          details: { fullName: fp.fullName, before: r.before },
        });
    });
    return back(c, fp.id, 'emailRemoved');
  });

  app.post('/resume', async (c) => {
    const fp = await editable(c);
    const bloc = c.get('bloc');
    await applyChange(c, async (trx, audit) => {
      const address = await emailAddressOf(trx, fp.id);
      if (await resumeEmailAddress(trx, fp.id))
        await audit({
          action: 'focal_point.email_resume',
          entity: 'focal_point',
          entityId: fp.id,
          blocId: bloc.id,
          details: { fullName: fp.fullName, address: address?.address ?? null },
        });
    });
    return back(c, fp.id, 'emailResumed');
  });

  return app;
}
