import { Hono } from 'hono';
import { activePersonalLinkOf, issuePersonalLink, revokePersonalLink } from '../../db/personal-links.js';
import { currentAdmin } from '../auth/access.js';
import type { AdminEnv } from '../env.js';
import { applyChange } from '../http/change.js';
import { messagePage } from '../http/errors.js';
import { personalLinkText as t } from '../messages.js';
import { loadFocalPoint } from './load-focal-point.js';

/**
 * /blocs/:blocId/focal-points/:focalPointId/personal-link: issue (or re-issue) and revoke the
 * focal point's personal report link. Only the bloc's editors get here (requireBlocEditor); the
 * audit log names the link by id, never by its token.
 */
export function personalLinkRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.post('/', async (c) => {
    const fp = await loadFocalPoint(c);
    if (fp.status !== 'active') return messagePage(c, 409, t.title, t.leftRefused);
    const bloc = c.get('bloc');
    const { now, personalLinkSecret } = c.get('deps');
    const admin = currentAdmin(c);
    await applyChange(c, async (trx, audit) => {
      const previous = await activePersonalLinkOf(trx, fp.id);
      const { link } = await issuePersonalLink(trx, {
        focalPointId: fp.id,
        secret: personalLinkSecret,
        by: admin.username,
        now: now(),
      });
      await audit({
        action: previous ? 'personal_link.reissue' : 'personal_link.issue',
        entity: 'focal_point',
        entityId: fp.id,
        blocId: bloc.id,
        details: { fullName: fp.fullName, linkId: link.id, replacedLinkId: previous?.id ?? null },
      });
    });
    return c.redirect(`/blocs/${bloc.id}/focal-points/${fp.id}?ok=personalLinkIssued#personal-link`, 303);
  });

  app.post('/revoke', async (c) => {
    const fp = await loadFocalPoint(c);
    const bloc = c.get('bloc');
    const { now } = c.get('deps');
    const admin = currentAdmin(c);
    const revoked = await applyChange(c, async (trx, audit) => {
      const link = await activePersonalLinkOf(trx, fp.id);
      if (!link) return false;
      await revokePersonalLink(trx, fp.id, admin.username, now());
      await audit({
        action: 'personal_link.revoke',
        entity: 'focal_point',
        entityId: fp.id,
        blocId: bloc.id,
        details: { fullName: fp.fullName, linkId: link.id },
      });
      return true;
    });
    return c.redirect(
      `/blocs/${bloc.id}/focal-points/${fp.id}${revoked ? '?ok=personalLinkRevoked' : ''}#personal-link`,
      303,
    );
  });

  return app;
}
