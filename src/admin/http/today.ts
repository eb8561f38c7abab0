import type { Context } from 'hono';
import { localDateOf } from '../../core/time.js';
import type { AdminEnv } from '../env.js';

/** Today's date in the deployment's time zone, from the app's clock. */
export function today(c: Context<AdminEnv>): string {
  const { now, timeZone } = c.get('deps');
  return localDateOf(now(), timeZone);
}
