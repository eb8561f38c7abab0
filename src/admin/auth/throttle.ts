// Throttling of failed logins: after too many failures in a window the account (or the client
// address) must wait, whatever password is tried (docs/decisions/0041).

import type { Db } from '../../db/connection.js';
import { recentFailures } from '../../db/login-attempts.js';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failures allowed per account within the window (since its last successful login). */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failures allowed per client address within the window, across accounts. */
export const MAX_FAILURES_PER_ADDRESS = 20;

/** Milliseconds until another attempt is allowed, given the failures' instants (oldest first); 0 if allowed now. */
export function waitAfterFailures(failures: Date[], max: number, now: Date, windowMs = LOGIN_WINDOW_MS): number {
  if (failures.length < max) return 0;
  const decisive = failures[failures.length - max]!;
  return Math.max(0, decisive.getTime() + windowMs - now.getTime());
}

/** How long this login must wait (0: go ahead). */
export async function loginWait(db: Db, username: string, ip: string | null, now: Date): Promise<number> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const byAccount = waitAfterFailures(await recentFailures(db, { username }, since), MAX_FAILURES_PER_ACCOUNT, now);
  const byAddress = ip ? waitAfterFailures(await recentFailures(db, { ip }, since), MAX_FAILURES_PER_ADDRESS, now) : 0;
  return Math.max(byAccount, byAddress);
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * The address whose failures count. Behind a reverse proxy on the same machine every request comes
 * from loopback, which would make one address's limit lock everyone out; there (and only there,
 * since no one else can reach the loopback socket) the proxy's X-Forwarded-For names the client:
 * its last entry is the address the proxy itself saw.
 */
export function loginClientAddress(socketAddress: string | null, forwardedFor: string | undefined): string | null {
  if (!socketAddress || !LOOPBACK.test(socketAddress) || !forwardedFor) return socketAddress;
  const last = forwardedFor
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);
  return last && /^[0-9a-fA-F.:]{2,45}$/.test(last) ? last : socketAddress;
}
