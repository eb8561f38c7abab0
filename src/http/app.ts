import { Hono } from 'hono';
import type { Db } from '../db/connection.js';
import { type BotStatus, checkHealth } from './health.js';

export interface HttpAppDeps {
  db: Db;
  now: () => Date;
  botStatus: () => BotStatus;
  /** Sub-apps mounted at their paths, e.g. the admin at '/' and the Telegram webhook. */
  mounts: { path: string; app: Hono }[];
}

/** The one HTTP surface: health, then every mounted sub-app. */
export function createHttpApp(deps: HttpAppDeps): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    const report = await checkHealth(deps.db, deps.botStatus, deps.now);
    return c.json(report, report.status === 'ok' ? 200 : 503);
  });
  for (const m of deps.mounts) app.route(m.path, m.app);
  return app;
}
