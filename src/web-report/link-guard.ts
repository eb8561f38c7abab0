// Every request under /r/:token passes here first: the client address's failed lookups are
// limited, the token must open a working link, and POSTs are limited per link. Refusals are
// plain pages that show nothing of any unit.
import type { Context, MiddlewareHandler } from 'hono';
import { formatDateTimeVi } from '../core/time.js';
import { clientAddress } from '../http/client-address.js';
import { resolveLink } from './access.js';
import { message, type WebReportEnv, type WebReportRuntime } from './env.js';
import { W } from './messages.js';

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

function tooMany(c: Context, rt: WebReportRuntime, waitMs: number) {
  c.header('Retry-After', String(Math.ceil(waitMs / 1000)));
  return message(c, rt, 429, W.tooManyTitle, W.tooMany(minutes(waitMs)));
}

export function linkGuard(rt: WebReportRuntime): MiddlewareHandler<WebReportEnv> {
  return async (c, next) => {
    const { db, timeZone } = rt.deps;
    const now = rt.deps.now();
    const address = clientAddress(c) ?? 'unknown';
    const blocked = rt.failLimiter.waitMs(address, now);
    if (blocked > 0) return tooMany(c, rt, blocked);
    const token = c.req.param('token') ?? '';
    const access = await resolveLink(db, token, now, timeZone);
    if (access.kind !== 'ok') {
      rt.failLimiter.hit(address, now);
      if (access.kind === 'unknown') return message(c, rt, 404, W.unknownTitle, W.unknown);
      if (access.kind === 'revoked')
        return message(c, rt, 410, W.revokedTitle, W.revoked(formatDateTimeVi(new Date(access.revokedAt), timeZone)));
      return message(c, rt, 410, W.leftTitle, W.left);
    }
    if (c.req.method === 'POST') {
      const wait = rt.postLimiter.waitMs(String(access.link.id), now);
      if (wait > 0) return tooMany(c, rt, wait);
      rt.postLimiter.hit(String(access.link.id), now);
    }
    c.set('holder', { link: access.link, focalPoint: access.focalPoint, unit: access.unit, bloc: access.bloc });
    c.set('token', token);
    await next();
  };
}
