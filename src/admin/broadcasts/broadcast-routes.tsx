import { randomBytes } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { BROADCAST_MAX_CHARS } from '../../core/broadcast-text.js';
import { normalizeText } from '../../core/normalize.js';
import { localDateOf } from '../../core/time.js';
import { broadcastAudience } from '../../db/broadcast-audience.js';
import { broadcastMessages, getBroadcastOfBloc, listBroadcasts, unreachableOf } from '../../db/broadcasts.js';
import { canEditBloc, currentAdmin, notFound } from '../auth/access.js';
import { recipientNames } from '../delivery/recipients.js';
import type { AdminEnv } from '../env.js';
import { applyChange } from '../http/change.js';
import { checkbox } from '../http/fields.js';
import { emptyForm, type FormState, typedValues, validForm } from '../http/form.js';
import { broadcastText as t } from '../messages.js';
import { showDateTime } from '../ui/format.js';
import { BroadcastFormPage } from './broadcast-form-page.js';
import { BroadcastProgressPage } from './broadcast-progress-page.js';
import { queueBroadcast } from './queue-broadcast.js';

const NONCE_RE = /^[A-Za-z0-9_-]{16,64}$/;
const newNonce = () => randomBytes(18).toString('base64url');

export const broadcastSchema = z.object({
  text: z
    .preprocess((v) => (typeof v === 'string' ? normalizeText(v) : ''), z.string())
    .superRefine((v, ctx) => {
      if (v === '') ctx.addIssue({ code: 'custom', message: t.textRequired });
      else if (v.length > BROADCAST_MAX_CHARS)
        ctx.addIssue({ code: 'custom', message: t.textTooLong(v.length, BROADCAST_MAX_CHARS) });
    }),
  includeGroups: checkbox,
  // The form's one-time value; a missing or malformed one means a stale or forged form.
  nonce: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().regex(NONCE_RE, t.staleForm)),
});

/**
 * /blocs/:blocId/delivery/broadcasts: an admin sends a message to every linked focal point of the
 * bloc (and its groups), then follows its delivery; viewers read the past broadcasts.
 */
export function broadcastRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  const renderForm = async (c: Context<AdminEnv>, form: FormState) => {
    const { db, now, timeZone, channels } = c.get('deps');
    const bloc = c.get('bloc');
    const typed = form.values.nonce;
    const errors = form.errors.nonce ? { ...form.errors, _form: t.staleForm } : form.errors;
    return c.render(
      <BroadcastFormPage
        blocId={bloc.id}
        canEdit={canEditBloc(currentAdmin(c), bloc.id)}
        form={{ values: form.values, errors }}
        nonce={typed && NONCE_RE.test(typed) ? typed : newNonce()}
        audience={await broadcastAudience(db, bloc.id, localDateOf(now(), timeZone), channels)}
        history={await listBroadcasts(db, bloc.id)}
        timeZone={timeZone}
      />,
      { title: `${t.title} · ${bloc.name}` },
    );
  };

  app.get('/', (c) => renderForm(c, emptyForm));

  app.post('/', validForm(broadcastSchema, renderForm), async (c) => {
    const v = c.req.valid('form');
    const bloc = c.get('bloc');
    const admin = currentAdmin(c);
    const { now, timeZone, channels } = c.get('deps');
    const at = now();
    const outcome = await applyChange(c, (trx, audit) =>
      queueBroadcast(trx, audit, {
        bloc,
        nonce: v.nonce,
        text: v.text,
        includeGroups: v.includeGroups,
        sender: { username: admin.username, displayName: admin.displayName },
        now: at,
        today: localDateOf(at, timeZone),
        channels,
      }),
    );
    if (outcome.kind === 'no_recipients') {
      c.status(422);
      return renderForm(c, { values: typedValues(await c.req.parseBody()), errors: { _form: t.noRecipients } });
    }
    const notice = outcome.kind === 'duplicate' ? 'broadcastDuplicate' : 'broadcastQueued';
    return c.redirect(`/blocs/${bloc.id}/delivery/broadcasts/${outcome.broadcast.id}?ok=${notice}`, 303);
  });

  app.get('/:broadcastId', async (c) => {
    const { db, timeZone } = c.get('deps');
    const bloc = c.get('bloc');
    const raw = c.req.param('broadcastId');
    const id = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
    const broadcast = id ? await getBroadcastOfBloc(db, bloc.id, id) : undefined;
    if (!broadcast) notFound();
    const messages = await broadcastMessages(db, bloc.id, broadcast.id);
    return c.render(
      <BroadcastProgressPage
        blocId={bloc.id}
        broadcast={broadcast}
        messages={messages}
        names={
          await recipientNames(
            db,
            bloc.id,
            messages.map((m) => ({ channel: m.channel, address: m.address })),
          )
        }
        unreachable={unreachableOf(broadcast)}
        timeZone={timeZone}
      />,
      { title: `${t.detailTitle(showDateTime(broadcast.createdAt, timeZone))} · ${bloc.name}` },
    );
  });

  return app;
}
