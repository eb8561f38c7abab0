// The root HTTP app as main.ts builds it, for tests: a metrics registry of its own, the file
// logger, and readiness facts the test chooses.
import type { Hono } from 'hono';
import type { BotStatus } from '../../src/observability/channel-status.js';
import { createHttpApp, type HttpAppDeps } from '../../src/http/app.js';
import type { Db } from '../../src/db/connection.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { testLogger } from './logger.js';

export function buildHttpApp(
  base: { db: Db; now: () => Date; botStatus: () => BotStatus; mounts?: HttpAppDeps['mounts'] },
  over: Partial<Omit<HttpAppDeps, 'db' | 'now' | 'botStatus'>> = {},
): { app: Hono; deps: HttpAppDeps } {
  const deps: HttpAppDeps = {
    ...base,
    mounts: base.mounts ?? [],
    logger: over.logger ?? testLogger(),
    metrics: over.metrics ?? createMetrics({ db: base.db, now: base.now, botStatus: base.botStatus }),
    metricsToken: over.metricsToken,
    channels: over.channels,
    readiness: over.readiness ?? {
      timeZone: 'Asia/Ho_Chi_Minh',
      deliveryRunning: () => false,
      jobs: [],
      catchUpHours: 24,
    },
  };
  return { app: createHttpApp(deps), deps };
}
