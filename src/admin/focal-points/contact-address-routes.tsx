import { Hono } from 'hono';
import { listContactAddresses, setContactAddressOrder } from '../../db/contact-addresses.js';
import type { AdminEnv } from '../env.js';
import { applyChange } from '../http/change.js';
import { notFound } from '../auth/access.js';
import { loadFocalPoint } from './load-focal-point.js';

/**
 * /blocs/:blocId/focal-points/:focalPointId/addresses/:addressId/prefer: puts one of the focal
 * point's addresses first, so reminders, digests and announcements go there (decision 0090).
 * Editors only (requireBlocEditor); audited with the order before and after.
 */
export function contactAddressRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.post('/:addressId/prefer', async (c) => {
    const fp = await loadFocalPoint(c);
    const bloc = c.get('bloc');
    const addressId = Number(c.req.param('addressId'));
    await applyChange(c, async (trx, audit) => {
      const before = await listContactAddresses(trx, fp.id);
      const chosen = before.find((a) => a.id === addressId);
      if (!chosen) notFound();
      const after = await setContactAddressOrder(trx, fp.id, [chosen.id]);
      await audit({
        action: 'contact_address.prefer',
        entity: 'focal_point',
        entityId: fp.id,
        blocId: bloc.id,
        details: {
          fullName: fp.fullName,
          channel: chosen.channel,
          before: before.map((a) => a.channel),
          after: after.map((a) => a.channel),
        },
      });
    });
    return c.redirect(`/blocs/${bloc.id}/focal-points/${fp.id}?ok=channelPreferred#channels`, 303);
  });

  return app;
}
