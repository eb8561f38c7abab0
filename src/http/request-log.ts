// Each HTTP request gets an id (a sane incoming X-Request-Id is kept, so a proxy's id follows the
// request), a child logger carrying it on the context, one access log line, and its count in the
// metrics. Routes are logged and counted by their pattern, never by the raw path, which can hold
// a personal report token (/r/<token>) or ids.
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from '../logger.js';
import type { Metrics } from '../observability/metrics.js';

export interface RequestVars {
  requestId: string;
  logger: Logger;
}

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;
/** Probes polled every few seconds are logged at debug, so they do not drown the rest. */
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

/** The request's route pattern; 'unmatched' when nothing but middleware answered (a 404). */
export function routeLabel(pattern: string, status: number): string {
  if (!pattern || (status === 404 && pattern.endsWith('*'))) return 'unmatched';
  return pattern;
}

export function requestLog(deps: { logger: Logger; metrics?: Metrics }): MiddlewareHandler<{ Variables: RequestVars }> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const logger = deps.logger.child({ request_id: requestId });
    c.set('requestId', requestId);
    c.set('logger', logger);
    await next();
    c.header('X-Request-Id', requestId);
    const status = c.res.status;
    const route = routeLabel(routePath(c), status);
    const seconds = (performance.now() - started) / 1000;
    deps.metrics?.observeHttp({ method: c.req.method, route, status, seconds });
    const line = { method: c.req.method, route, status, ms: Math.round(seconds * 10_000) / 10 };
    if (status >= 500) logger.warn(line, 'http request failed');
    else if (PROBES.has(route)) logger.debug(line, 'http request');
    else logger.info(line, 'http request');
  };
}
