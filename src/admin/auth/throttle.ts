// Throttling of failed logins (docs/decisions/0041): the failures recorded in the database, weighed
// by the rules of src/core/login-throttle.ts.

import {
  LOGIN_WINDOW_MS,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  waitAfterFailures,
} from '../../core/login-throttle.js';
import type { Db } from '../../db/connection.js';
import { recentFailures } from '../../db/login-attempts.js';

/** How long this login must wait (0: go ahead). */
export async function loginWait(db: Db, username: string, ip: string | null, now: Date): Promise<number> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const byAccount = waitAfterFailures(await recentFailures(db, { username }, since), MAX_FAILURES_PER_ACCOUNT, now);
  const byAddress = ip ? waitAfterFailures(await recentFailures(db, { ip }, since), MAX_FAILURES_PER_ADDRESS, now) : 0;
  return Math.max(byAccount, byAddress);
}
