import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { enqueueOutbox } from '../../src/db/outbox.js';
import { getJobRun } from '../../src/db/job-runs.js';
import { localMinuteSlot } from '../../src/core/cron-times.js';
import { defineJob, type JobDeps } from '../../src/jobs/job.js';
import { createJobRunner } from '../../src/jobs/job-runner.js';
import { MAX_JOB_ATTEMPTS } from '../../src/jobs/retry-policy.js';
import { startScheduler } from '../../src/jobs/scheduler.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { at, quietLogger, TZ } from './support.js';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  vi.useRealTimers();
  await t.close();
});

/** A job on `schedule` that queues one outbox row per run, fails while `fail()` says so, and logs its calls. */
function flakyJob(fail: (call: number) => boolean, opts: { schedule?: string; catchUp?: 'latest' | 'each' } = {}) {
  const calls: string[] = [];
  const job = defineJob({
    name: 'digest-test',
    description: 'Bản tin thử',
    schedule: opts.schedule ?? '0 8 * * 1',
    scopes: async () => [{ key: 'all', blocId: null }],
    slotOf: (fire, _s, tz) => localMinuteSlot(fire, tz),
    catchUp: opts.catchUp ?? 'latest',
    transaction: 'own',
    async run(deps: JobDeps, now: Date, _scope, slot) {
      calls.push(now.toISOString());
      if (fail(calls.length)) throw new Error('database is locked');
      await enqueueOutbox(deps.db, {
        dedupeKey: `digest-test:${slot}`,
        blocId: null,
        kind: 'test',
        chatId: '1',
        chatType: 'group',
        payload: { text: `Bản tin ${slot}` },
        now,
      });
      return { slot };
    },
  });
  return { job, calls };
}

const ledger = () => getJobRun(t.db, { job: 'digest-test', scope: 'all', slot: '2026-11-30T08:00' });
const outboxCount = async () => (await t.db.selectFrom('outbox_message').selectAll().execute()).length;
const minutesAfter8 = (iso: string) => (new Date(iso).getTime() - at('2026-11-30', '08:00').getTime()) / 60_000;

async function startTicking(job: ReturnType<typeof flakyJob>['job'], catchUpHours = 24) {
  // Monday 30/11/2026, two minutes before the digest's slot; the clock moves only when told.
  vi.useFakeTimers({
    now: at('2026-11-30', '07:58'),
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
  return startScheduler({
    db: t.db,
    timeZone: TZ,
    logger: quietLogger,
    channels: ['telegram'],
    now: () => new Date(),
    catchUpHours,
    jobs: [job],
  });
}

describe('scheduler retries failed slots on later ticks', () => {
  it('retries a slot that failed at its time after the backoff, and it then succeeds exactly once', async () => {
    const { job, calls } = flakyJob((call) => call === 1);
    const s = await startTicking(job);

    await vi.advanceTimersByTimeAsync(2 * 60_000); // 08:00: the run fails
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(await ledger()).toMatchObject({
      status: 'failed',
      detail: JSON.stringify({ error: 'database is locked', attempts: 1 }),
    });
    expect(await outboxCount()).toBe(0);

    await vi.advanceTimersByTimeAsync(4 * 60_000); // 08:04: too soon for a retry
    expect(calls).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(60_000); // 08:05: retried
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(minutesAfter8(calls[1]!)).toBe(5);
    expect(await ledger()).toMatchObject({ status: 'succeeded' });

    await vi.advanceTimersByTimeAsync(3 * 3_600_000); // later ticks leave a succeeded slot alone
    expect(calls).toHaveLength(2);
    expect(await outboxCount()).toBe(1);
    await s.stop();
  });

  it('spaces the tries 5, 10, 20, 40, then 60 minutes apart and stops after the cap', async () => {
    const { job, calls } = flakyJob(() => true);
    const s = await startTicking(job);
    await vi.advanceTimersByTimeAsync(8 * 3_600_000);
    await s.stop();
    expect(calls.map(minutesAfter8)).toEqual([0, 5, 15, 35, 75, 135, 195, 255]);
    expect(calls).toHaveLength(MAX_JOB_ATTEMPTS);
    expect(await ledger()).toMatchObject({
      status: 'failed',
      detail: JSON.stringify({ error: 'database is locked', attempts: MAX_JOB_ATTEMPTS }),
    });
  });

  it('does not retry with a zero catch-up window', async () => {
    const { job, calls } = flakyJob((call) => call === 1);
    const s = await startTicking(job, 0);
    await vi.advanceTimersByTimeAsync(2 * 3_600_000);
    await s.stop();
    expect(calls).toHaveLength(1);
    expect(await ledger()).toMatchObject({ status: 'failed' });
  });
});

describe('job runner retryFailed', () => {
  const runnerOf = (job: ReturnType<typeof flakyJob>['job']) =>
    createJobRunner({ db: t.db, timeZone: TZ, logger: quietLogger, channels: ['telegram'] }, [job]);

  it('leaves alone a failed slot whose fire time is outside the window', async () => {
    const { job, calls } = flakyJob((call) => call === 1);
    const runner = runnerOf(job);
    await runner.runDue(at('2026-11-30', '07:00'), at('2026-11-30', '08:00'), at('2026-11-30', '08:00'));
    expect(await runner.retryFailed(at('2026-11-30', '10:01'), 2)).toEqual([]);
    expect(calls).toHaveLength(1);
    const retried = await runner.retryFailed(at('2026-11-30', '09:59'), 2);
    expect(retried.map((r) => [r.slot, r.result.status])).toEqual([['2026-11-30T08:00', 'succeeded']]);
  });

  it('does not retry an older slot of a "latest" job once a newer slot has fired', async () => {
    const { job, calls } = flakyJob((call) => call === 1, { schedule: '0 * * * *' });
    const runner = runnerOf(job);
    await runner.runDue(at('2026-11-30', '07:30'), at('2026-11-30', '08:00'), at('2026-11-30', '08:00'));
    expect(await runner.retryFailed(at('2026-11-30', '09:10'), 24)).toEqual([]);
    expect(calls).toHaveLength(1);
    expect(await ledger()).toMatchObject({ status: 'failed' });
  });
});
