import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdminUser } from '../../src/db/admin-users.js';
import { findJob } from '../../src/jobs/registry.js';
import { runJobSlot } from '../../src/jobs/run-job.js';
import { testLogger } from '../helpers/logger.js';
import { createTestDb, type TestDb } from '../helpers/db.js';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

describe('housekeeping job', () => {
  it('deletes expired sessions and login attempts older than 30 days, once a day', async () => {
    const now = new Date('2026-11-24T20:30:00.000Z'); // 03:30 on 25/11 in Hà Nội
    const user = await createAdminUser(t.db, {
      username: 'thuky',
      displayName: 'Thư ký',
      passwordHash: 'x',
      role: 'province_admin',
    });
    const session = (id: string, expires: string) => ({
      id_hash: id,
      admin_user_id: user.id,
      csrf_token: 'c',
      created_at: '2026-11-01T00:00:00.000Z',
      expires_at: expires,
      last_seen_at: '2026-11-01T00:00:00.000Z',
    });
    await t.db
      .insertInto('admin_session')
      .values([session('old', '2026-11-20T00:00:00.000Z'), session('live', '2026-11-30T00:00:00.000Z')])
      .execute();
    const attempt = (at: string) => ({ username: 'thuky', ip: '127.0.0.1', at, succeeded: 0 as const });
    await t.db
      .insertInto('login_attempt')
      .values([attempt('2026-10-01T00:00:00.000Z'), attempt('2026-11-20T00:00:00.000Z')])
      .execute();

    const job = findJob('housekeeping')!;
    const deps = { db: t.db, timeZone: 'Asia/Ho_Chi_Minh', logger: testLogger(), channels: ['telegram'] };
    const scope = { key: 'all', blocId: null };
    const slot = job.slotOf(now, scope, deps.timeZone);
    expect(slot).toBe('2026-11-25');
    const first = await runJobSlot(deps, job, scope, slot, now);
    expect(first).toEqual({ status: 'succeeded', outcome: { expiredSessions: 1, loginAttempts: 1, receivedFiles: 0 } });
    expect((await t.db.selectFrom('admin_session').select('id_hash').execute()).map((r) => r.id_hash)).toEqual([
      'live',
    ]);
    expect(await t.db.selectFrom('login_attempt').selectAll().execute()).toHaveLength(1);
    expect(await runJobSlot(deps, job, scope, slot, now)).toEqual({ status: 'skipped', reason: 'already_done' });
  });
});
