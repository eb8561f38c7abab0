// The ledger records how long a run really took (finished = the run's moment + its real
// duration), so the job durations on /metrics are true figures, also for runs made for an
// injected moment (tests, `job run --now`).
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineJob } from '../../src/jobs/job.js';
import { runJobSlot } from '../../src/jobs/run-job.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { testLogger } from '../helpers/logger.js';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.close());

const scope = { key: 'all', blocId: null };
const slowJob = (transaction: 'wrap' | 'own', fail = false) =>
  defineJob({
    name: `slow-${transaction}`,
    description: 'chạy thử',
    schedule: '0 3 * * *',
    scopes: async () => [scope],
    slotOf: () => '2026-11-25',
    catchUp: 'latest',
    transaction,
    run: async () => {
      await sleep(60);
      if (fail) throw new Error('hỏng');
      return { ok: true };
    },
  });

describe('a job run in the ledger', () => {
  for (const [transaction, fail] of [
    ['wrap', false],
    ['own', false],
    ['wrap', true],
  ] as const) {
    it(`${fail ? 'failed' : 'succeeded'} (${transaction}) is recorded with the time it took, counted from the run's moment`, async () => {
      const now = new Date('2020-01-01T00:00:00.000Z'); // far from the real clock on purpose
      const job = slowJob(transaction, fail);
      const result = await runJobSlot(
        { db: t.db, timeZone: 'Asia/Ho_Chi_Minh', logger: testLogger(), channels: ['telegram'] },
        job,
        scope,
        '2026-11-25',
        now,
      );
      expect(result.status).toBe(fail ? 'failed' : 'succeeded');
      const row = await t.db.selectFrom('job_run').selectAll().where('job', '=', job.name).executeTakeFirstOrThrow();
      expect(row.started_at).toBe(now.toISOString());
      const took = new Date(row.finished_at!).getTime() - now.getTime();
      expect(took).toBeGreaterThanOrEqual(50);
      expect(took).toBeLessThan(60_000);
    });
  }
});
