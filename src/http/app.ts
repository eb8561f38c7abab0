import { Hono } from 'hono';
import type { Db } from '../db/connection.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../observability/metrics.js';
import { OPS } from '../observability/messages.js';
import { checkReadiness, type ReadinessDeps } from '../observability/readiness.js';
import type { TelegramChannels } from '../observability/telegram-channels.js';
import type { BotStatus, DeliveryStatus } from '../observability/channel-status.js';
import { socketAddress } from './client-address.js';
import { liveness } from './health.js';
import { metricsAccess } from './metrics-access.js';
import { requestLog, type RequestVars } from './request-log.js';

export interface MessengerHealth {
  name: string;
  bot: () => BotStatus;
  delivery: () => DeliveryStatus;
}

export interface HttpAppDeps {
  db: Db;
  now: () => Date;
  botStatus: () => BotStatus;
  /** The bot's and the delivery worker's channels to Telegram (absent without a bot token). */
  channels?: TelegramChannels;
  /** Messengers other than Telegram (Zalo), each with its bot's and its deliveries' state, in /healthz and /readyz. */
  messengers?: MessengerHealth[];
  /** Sub-apps mounted at their paths, e.g. the admin at '/' and the Telegram webhook. */
  mounts: { path: string; app: Hono }[];
  logger: Logger;
  metrics: Metrics;
  /** METRICS_TOKEN: with it, /metrics is readable from anywhere with `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
  /** What /readyz needs besides the database, the clock and the bot. */
  readiness: Pick<ReadinessDeps, 'timeZone' | 'deliveryRunning' | 'jobs' | 'catchUpHours' | 'minFreeDiskBytes'>;
}

/** The one HTTP surface: request ids and access logs, health, readiness, metrics, then every mounted sub-app. */
export function createHttpApp(deps: HttpAppDeps): Hono {
  const app = new Hono<{ Variables: RequestVars }>();
  const startedAt = deps.now();
  app.use('*', requestLog({ logger: deps.logger, metrics: deps.metrics }));
  // Errors no sub-app handled: logged with the request's id instead of printed to the console.
  app.onError((error, c) => {
    c.get('logger').error({ err: error }, 'http request error');
    return c.text(OPS.serverError, 500);
  });
  const deliveryStatus = (): DeliveryStatus =>
    deps.readiness.deliveryRunning() ? (deps.channels?.state('delivery').status ?? 'ok') : 'off';
  const messengers = () =>
    Object.fromEntries((deps.messengers ?? []).map((m) => [m.name, { bot: m.bot(), delivery: m.delivery() }]));
  app.get('/healthz', (c) =>
    c.json({ ...liveness({ bot: deps.botStatus, delivery: deliveryStatus }, deps.now(), startedAt), ...messengers() }),
  );
  app.get('/readyz', async (c) => {
    const report = await checkReadiness({
      ...deps.readiness,
      db: deps.db,
      now: deps.now,
      botStatus: deps.botStatus,
      channels: deps.channels,
    });
    // A messenger whose bot or deliveries fail needs attention like Telegram's (decision 0071).
    for (const m of deps.messengers ?? []) {
      const ok = !['error', 'starting'].includes(m.bot()) && m.delivery() !== 'error';
      (report.checks as Record<string, unknown>)[m.name] = { ok, bot: m.bot(), delivery: m.delivery() };
      if (!ok) {
        report.status = 'attention';
        report.problems.push(OPS.messengerError(m.name));
      }
    }
    if (report.status !== 'ok') c.get('logger').warn({ problems: report.problems }, 'not ready');
    return c.json(report, report.status === 'ok' ? 200 : 503);
  });
  app.get('/metrics', async (c) => {
    const access = metricsAccess(
      {
        authorization: c.req.header('authorization'),
        remoteAddress: socketAddress(c),
        forwarded: ['x-forwarded-for', 'forwarded', 'x-real-ip'].some((h) => c.req.header(h) !== undefined),
      },
      deps.metricsToken,
    );
    if (access === 'missing_token' || access === 'wrong_token') {
      c.header('WWW-Authenticate', 'Bearer realm="metrics"');
      return c.text(OPS.metricsTokenRequired, 401);
    }
    if (access === 'not_local') return c.text(OPS.metricsLocalOnly, 403);
    try {
      const { contentType, body } = await deps.metrics.render();
      return c.body(body, 200, { 'Content-Type': contentType });
    } catch (error) {
      c.get('logger').error({ err: error }, 'metrics could not be collected');
      return c.text(OPS.metricsFailed, 500);
    }
  });
  for (const m of deps.mounts) app.route(m.path, m.app);
  return app as unknown as Hono;
}
