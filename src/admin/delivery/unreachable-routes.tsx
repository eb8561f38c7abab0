import { Hono } from 'hono';
import { activePersonalLinksOf } from '../../db/personal-link-admin.js';
import { canEditBloc, currentAdmin } from '../auth/access.js';
import type { AdminEnv } from '../env.js';
import { personalLinkAddress } from '../focal-points/personal-link-view.js';
import { unreachableText as t } from '../messages.js';
import { unreachableList } from './unreachable-data.js';
import { type LinkState, UnreachablePage } from './unreachable-page.js';

/**
 * /blocs/:blocId/delivery/unreachable: the focal points the reminders cannot reach by Telegram,
 * with their personal links for the bloc's editors (a viewer sees the names only: decision 0056).
 */
export function unreachableRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/', async (c) => {
    const { db, now, timeZone, channels } = c.get('deps');
    const bloc = c.get('bloc');
    const data = await unreachableList(db, bloc, now(), timeZone, channels);
    let links: Map<number, LinkState> | null = null;
    if (canEditBloc(currentAdmin(c), bloc.id)) {
      const ids = data.periods.flatMap((p) => p.rows.flatMap((r) => (r.focalPoint ? [r.focalPoint.id] : [])));
      const active = await activePersonalLinksOf(db, ids);
      links = new Map(
        ids.map((id) => {
          const link = active.get(id);
          return [id, link ? (personalLinkAddress(c, link) ?? 'undisplayable') : 'none'];
        }),
      );
    }
    return c.render(
      <UnreachablePage blocId={bloc.id} blocName={bloc.name} data={data} links={links} timeZone={timeZone} />,
      {
        title: `${t.title} · ${bloc.name}`,
      },
    );
  });
  return app;
}
