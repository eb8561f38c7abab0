// Daily clean-up of what only grows: expired admin sessions, old login attempts (the throttle
// looks back 15 minutes; a month is kept for the audit of failed logins), and photos received on
// a messenger whose draft is gone without being sent (decision 0094).

import { localDateOf } from '../core/time.js';
import { deleteExpiredSessions } from '../db/admin-sessions.js';
import { pruneLoginAttempts } from '../db/login-attempts.js';
import { deleteReceivedFilesOutsideDrafts } from '../db/received-files.js';
import { defineJob } from './job.js';

const LOGIN_ATTEMPTS_KEPT_DAYS = 30;
/**
 * A draft has no lifetime (one whose period closed waits for /chuyenky or /huy), so a received
 * photo is let go only once no draft refers to it; a day's grace covers a photo kept a moment
 * before its draft is saved.
 */
const RECEIVED_FILES_GRACE_DAYS = 1;

export const housekeepingJob = defineJob({
  name: 'housekeeping',
  description:
    'Dọn các phiên đăng nhập đã hết hạn, nhật ký đăng nhập cũ hơn 30 ngày và ảnh minh chứng nhận qua Zalo của bản nháp đã hủy',
  schedule: '30 3 * * *',
  scopes: async () => [{ key: 'all', blocId: null }],
  slotOf: (at, _scope, timeZone) => localDateOf(at, timeZone),
  catchUp: 'latest',
  run: async (deps, now) => ({
    expiredSessions: await deleteExpiredSessions(deps.db, now),
    loginAttempts: await pruneLoginAttempts(deps.db, new Date(now.getTime() - LOGIN_ATTEMPTS_KEPT_DAYS * 86_400_000)),
    receivedFiles: await deleteReceivedFilesOutsideDrafts(
      deps.db,
      new Date(now.getTime() - RECEIVED_FILES_GRACE_DAYS * 86_400_000),
    ),
  }),
});
