// The address a request came from, for the limits on failed admin logins and on failed personal
// link lookups. Shared by the admin and the web form, so it sits in the HTTP layer they both use.

import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** The socket's remote address; null without a socket (app.request in tests). */
export function socketAddress(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

/**
 * The address whose failures count. Behind a reverse proxy on the same machine every request comes
 * from loopback, which would make one address's limit lock everyone out; there (and only there,
 * since no one else can reach the loopback socket) the proxy's X-Forwarded-For names the client:
 * its last entry is the address the proxy itself saw.
 */
export function clientAddressFrom(socket: string | null, forwardedFor: string | undefined): string | null {
  if (!socket || !LOOPBACK.test(socket) || !forwardedFor) return socket;
  const last = forwardedFor
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);
  return last && /^[0-9a-fA-F.:]{2,45}$/.test(last) ? last : socket;
}

/** The request's client address (see clientAddressFrom); null without a socket. */
export function clientAddress(c: Context): string | null {
  return clientAddressFrom(socketAddress(c), c.req.header('x-forwarded-for'));
}
