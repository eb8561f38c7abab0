import { Hono } from 'hono';
import { listBlocs } from '../db/blocs.js';
import { getBlocYear } from '../db/bloc-years.js';
import type { Db } from '../db/connection.js';
import { listMemberUnits } from '../db/units.js';
import { getUnit } from '../db/units.js';
import { localDateOf } from '../core/time.js';
import { type BlocOverview, OverviewPage } from './overview-page.js';

export interface AdminDeps {
  db: Db;
  now: () => Date;
  timeZone: string;
}

/** The admin web app (server-rendered, Vietnamese). */
export function createAdminApp(deps: AdminDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const today = localDateOf(deps.now(), deps.timeZone);
    const year = Number(today.slice(0, 4));
    const blocs: BlocOverview[] = [];
    for (const b of await listBlocs(deps.db)) {
      const members = await listMemberUnits(deps.db, b.id, today);
      const term = await getBlocYear(deps.db, b.id, year);
      const chair = term ? await getUnit(deps.db, term.chair_unit_id) : undefined;
      blocs.push({
        id: b.id,
        name: b.name,
        province: b.province,
        isDemo: b.is_demo === 1,
        members: members.length,
        chairName: chair?.name ?? null,
        year,
      });
    }
    return c.html(<OverviewPage blocs={blocs} />);
  });
  return app;
}
