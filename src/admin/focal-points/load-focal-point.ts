import type { Context } from 'hono';
import { getFocalPointInBloc } from '../../db/focal-point-admin.js';
import { notFound } from '../auth/access.js';
import type { AdminEnv } from '../env.js';

/** The focal point named by :focalPointId, in the bloc of the page; 404 otherwise (another bloc's included). */
export async function loadFocalPoint(c: Context<AdminEnv>) {
  const raw = c.req.param('focalPointId') ?? '';
  const fpId = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
  const fp = fpId ? await getFocalPointInBloc(c.get('deps').db, c.get('bloc').id, fpId) : undefined;
  if (!fp) notFound();
  return fp;
}
