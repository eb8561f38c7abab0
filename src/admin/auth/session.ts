// Admin sessions: a random token in an HttpOnly, SameSite cookie; the database keeps only its
// SHA-256, so a copy of the database does not let anyone sign in (docs/decisions/0040).

import { createHash, randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createAdminSession, deleteSession, findActiveSession, touchSession } from '../../db/admin-sessions.js';
import type { AdminUser } from '../../db/admin-users.js';
import type { AdminDeps, AdminEnv, CurrentAdmin } from '../env.js';

/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** …and in any case this long after sign-in. */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
/** The idle expiry is moved forward at most once a minute, to spare the database a write per page. */
const TOUCH_EVERY_MS = 60 * 1000;

export function sessionCookieName(deps: Pick<AdminDeps, 'secureCookies'>): string {
  // The __Host- prefix makes the browser refuse the cookie unless Secure, Path=/ and host-only.
  return deps.secureCookies ? '__Host-ktd_session' : 'ktd_session';
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

function idleExpiry(now: Date, createdAt: Date): Date {
  return new Date(Math.min(now.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_MAX_MS));
}

export function currentAdminOf(u: AdminUser): CurrentAdmin {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, blocId: u.blocId };
}

/** Reads the session cookie and sets `admin`, `csrfToken` and `sessionHash` (null when signed out). */
export function loadSession(deps: AdminDeps): MiddlewareHandler<AdminEnv> {
  const name = sessionCookieName(deps);
  return async (c, next) => {
    c.set('deps', deps);
    c.set('admin', null);
    c.set('csrfToken', null);
    c.set('sessionHash', null);
    const token = getCookie(c, name);
    if (token && token.length <= 128) {
      const now = deps.now();
      const idHash = hashToken(token);
      const found = await findActiveSession(deps.db, idHash, now);
      if (found) {
        c.set('admin', currentAdminOf(found.user));
        c.set('csrfToken', found.session.csrfToken);
        c.set('sessionHash', idHash);
        if (now.getTime() - new Date(found.session.lastSeenAt).getTime() > TOUCH_EVERY_MS) {
          await touchSession(deps.db, idHash, now, idleExpiry(now, new Date(found.session.createdAt)));
        }
      }
    }
    await next();
  };
}

/** Starts a new session for the admin (always a fresh token: no session fixation). */
export async function startSession(c: Context<AdminEnv>, deps: AdminDeps, adminUserId: number): Promise<void> {
  const token = randomToken();
  const now = deps.now();
  await createAdminSession(deps.db, {
    idHash: hashToken(token),
    adminUserId,
    csrfToken: randomToken(),
    now,
    expiresAt: idleExpiry(now, now),
  });
  setCookie(c, sessionCookieName(deps), token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.secureCookies,
    path: '/',
    maxAge: Math.floor(SESSION_MAX_MS / 1000),
  });
}

export async function endSession(c: Context<AdminEnv>, deps: AdminDeps): Promise<void> {
  const idHash = c.get('sessionHash');
  if (idHash) await deleteSession(deps.db, idHash);
  deleteCookie(c, sessionCookieName(deps), { path: '/', secure: deps.secureCookies });
}
