// Every state-changing request carries the session's CSRF token (a form field or a header),
// compared in constant time; SameSite cookies alone do not cover older browsers.

import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AdminEnv } from '../env.js';
import { errors } from '../messages.js';

export function sameToken(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The token sent with a request: the `_csrf` form field or the X-CSRF-Token header. */
export async function sentToken(req: {
  header(name: string): string | undefined;
  formData(): Promise<FormData>;
}): Promise<string | null> {
  const header = req.header('x-csrf-token');
  if (header) return header;
  const type = (req.header('content-type') ?? '').toLowerCase();
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return null;
  try {
    const v = (await req.formData()).get('_csrf');
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

/** Refuses (403) any non-GET request whose token is missing or not the session's. */
export function requireCsrf(): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (!sameToken(await sentToken(c.req), c.get('csrfToken'))) throw new HTTPException(403, { message: errors.csrf });
    await next();
  };
}
