// Who may see and change what: a province admin every bloc; a bloc admin their own bloc; a viewer
// reads their own bloc. Another bloc's pages answer 404, so they do not even confirm it exists.

import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { getBloc } from '../../db/blocs.js';
import type { AdminEnv, CurrentAdmin } from '../env.js';

export function canSeeBloc(admin: CurrentAdmin, blocId: number): boolean {
  return admin.role === 'province_admin' || admin.blocId === blocId;
}

export function canEditBloc(admin: CurrentAdmin, blocId: number): boolean {
  return admin.role === 'province_admin' || (admin.role === 'bloc_admin' && admin.blocId === blocId);
}

export function notFound(): never {
  throw new HTTPException(404);
}

export function forbidden(): never {
  throw new HTTPException(403);
}

/** Signed-out visitors go to the login page (GET) or are refused (anything else). */
export function requireAdmin(): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    if (c.get('admin')) return next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      const target = encodeURIComponent(c.req.path + (new URL(c.req.url).search || ''));
      return c.redirect(`/login?next=${target}`, 302);
    }
    forbidden();
  };
}

export function currentAdmin(c: { get(key: 'admin'): CurrentAdmin | null }): CurrentAdmin {
  const admin = c.get('admin');
  if (!admin) forbidden();
  return admin;
}

/** Loads the bloc named by :blocId into `bloc`, or answers 404 when it is not the admin's to see. */
export function loadBloc(): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const admin = currentAdmin(c);
    const raw = c.req.param('blocId') ?? '';
    const id = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isInteger(id) || !canSeeBloc(admin, id)) notFound();
    const bloc = await getBloc(c.get('deps').db, id);
    if (!bloc) notFound();
    c.set('bloc', bloc);
    await next();
  };
}

/** Changes to a bloc: its bloc admin or a province admin; a viewer gets 403. */
export function requireBlocEditor(): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (!canEditBloc(currentAdmin(c), c.get('bloc').id)) forbidden();
    await next();
  };
}

export function requireProvinceAdmin(): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    if (currentAdmin(c).role !== 'province_admin') forbidden();
    await next();
  };
}

/** Changes (non-GET) only for province admins; reading is open to every signed-in admin. */
export function provinceAdminChanges(): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && currentAdmin(c).role !== 'province_admin') forbidden();
    await next();
  };
}
