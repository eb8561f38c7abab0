// Daily clean-up of what only grows: expired admin sessions and old login attempts (the throttle
// looks back 15 minutes; a month is kept for the audit of failed logins).

import { localDateOf } from '../core/time.js';
import { deleteExpiredSessions } from '../db/admin-sessions.js';
import { pruneLoginAttempts } from '../db/login-attempts.js';
import { defineJob } from './job.js';

const LOGIN_ATTEMPTS_KEPT_DAYS = 30;

export const housekeepingJob = defineJob({
  name: 'housekeeping',
  description: 'Dọn các phiên đăng nhập đã hết hạn và nhật ký đăng nhập cũ hơn 30 ngày',
  schedule: '30 3 * * *',
  scopes: async () => [{ key: 'all', blocId: null }],
  slotOf: (at, _scope, timeZone) => localDateOf(at, timeZone),
  catchUp: 'latest',
  run: async (deps, now) => ({
    expiredSessions: await deleteExpiredSessions(deps.db, now),
    loginAttempts: await pruneLoginAttempts(deps.db, new Date(now.getTime() - LOGIN_ATTEMPTS_KEPT_DAYS * 86_400_000)),
  }),
});
