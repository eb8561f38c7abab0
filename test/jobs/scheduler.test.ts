import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { enqueueOutbox } from '../../src/db/outbox.js';
import { getJobRun } from '../../src/db/job-runs.js';
import { defineJob, type Job, type JobDeps } from '../../src/jobs/job.js';
import { createJobRunner } from '../../src/jobs/job-runner.js';
import { localMinuteSlot } from '../../src/core/cron-times.js';
import { startScheduler } from '../../src/jobs/scheduler.js';
import { captureLogger } from '../bot/harness.js';
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

interface Call {
  slot: string;
  now: string;
}

/** A job at 08:00 daily that queues one outbox row per run and remembers its calls. */
function dailyJob(
  opts: { catchUp?: 'latest' | 'each'; fail?: () => boolean; transaction?: 'wrap' | 'own'; name?: string } = {},
) {
  const calls: Call[] = [];
  const job = defineJob({
    name: opts.name ?? 'daily-test',
    description: 'Việc thử hằng ngày',
    schedule: '0 8 * * *',
    scopes: async () => [{ key: 'all', blocId: null }],
    slotOf: (fire, _s, tz) => localMinuteSlot(fire, tz).slice(0, 10),
    catchUp: opts.catchUp ?? 'each',
    transaction: opts.transaction,
    async run(deps: JobDeps, now: Date, _scope, slot) {
      calls.push({ slot, now: now.toISOString() });
      await enqueueOutbox(deps.db, {
        dedupeKey: `test:${slot}:${calls.length}`,
        blocId: null,
        kind: 'test',
        chatId: '1',
        chatType: 'private',
        payload: { text: `Tin thử ${slot}` },
        now,
      });
      if (opts.fail?.()) throw new Error('việc thử bị lỗi');
      return { slot };
    },
  });
  return { job, calls };
}

const start = (jobs: Job[], now: Date, catchUpHours = 48) =>
  startScheduler({
    db: t.db,
    timeZone: TZ,
    logger: quietLogger,
    channels: ['telegram'],
    now: () => now,
    catchUpHours,
    jobs,
  });

const outboxCount = async () => (await t.db.selectFrom('outbox_message').selectAll().execute()).length;

describe('scheduler catch-up and ledger', () => {
  it('at start runs every slot missed within the window, once, in order', async () => {
    const { job, calls } = dailyJob();
    const s = await start([job], at('2026-12-03', '10:00'));
    await s.stop();
    // 01/12 08:00 is more than 48 hours back: outside the window.
    expect(calls.map((c) => c.slot)).toEqual(['2026-12-02', '2026-12-03']);
    expect(calls.every((c) => c.now === at('2026-12-03', '10:00').toISOString())).toBe(true);
    expect(s.caughtUp.map((r) => r.result.status)).toEqual(['succeeded', 'succeeded']);

    const again = await start([job], at('2026-12-03', '11:00'));
    await again.stop();
    expect(calls).toHaveLength(2);
    expect(await outboxCount()).toBe(2);
  });

  it('logs how many missed runs it caught up and how many of them failed', async () => {
    let calls = 0;
    const { job } = dailyJob({ fail: () => ++calls === 1 });
    const log = captureLogger();
    const s = await startScheduler({
      db: t.db,
      timeZone: TZ,
      logger: log.logger,
      channels: ['telegram'],
      now: () => at('2026-12-03', '10:00'),
      catchUpHours: 48,
      jobs: [job],
    });
    await s.stop();
    expect(s.caughtUp.map((r) => r.result.status)).toEqual(['failed', 'succeeded']);
    const lines = log.records.filter((r) => r.msg === 'scheduler caught up missed runs');
    expect(lines.map((r) => [r.runs, r.failed])).toEqual([[2, 1]]);
  });

  it('with catchUp "latest" runs only the newest missed slot', async () => {
    const { job, calls } = dailyJob({ catchUp: 'latest' });
    await (await start([job], at('2026-12-03', '10:00'))).stop();
    expect(calls.map((c) => c.slot)).toEqual(['2026-12-03']);
  });

  it('catches up nothing with a zero window', async () => {
    const { job, calls } = dailyJob();
    await (await start([job], at('2026-12-03', '10:00'), 0)).stop();
    expect(calls).toEqual([]);
  });

  it('records a failed run, rolls back what it queued, and retries the slot later', async () => {
    let failing = true;
    const { job, calls } = dailyJob({ fail: () => failing });
    const s = await start([job], at('2026-12-02', '09:00'), 2);
    await s.stop();
    expect(s.caughtUp.map((r) => r.result)).toEqual([{ status: 'failed', error: 'việc thử bị lỗi' }]);
    const failed = await getJobRun(t.db, { job: 'daily-test', scope: 'all', slot: '2026-12-02' });
    expect(failed).toMatchObject({
      status: 'failed',
      detail: JSON.stringify({ error: 'việc thử bị lỗi', attempts: 1 }),
    });
    expect(await outboxCount()).toBe(0);

    failing = false;
    await (await start([job], at('2026-12-02', '09:30'), 2)).stop();
    expect(calls.map((c) => c.slot)).toEqual(['2026-12-02', '2026-12-02']);
    expect(await getJobRun(t.db, { job: 'daily-test', scope: 'all', slot: '2026-12-02' })).toMatchObject({
      status: 'succeeded',
    });
    expect(await outboxCount()).toBe(1);
  });

  it('lets a job open its own transactions when it asks to', async () => {
    const calls: string[] = [];
    const own = defineJob({
      name: 'own-tx',
      description: 'Việc tự mở giao dịch',
      schedule: ['0 8 * * *'],
      scopes: async () => [{ key: 'all', blocId: null }],
      slotOf: (fire, _s, tz) => localMinuteSlot(fire, tz),
      catchUp: 'latest',
      transaction: 'own',
      async run(deps, now, _scope, slot) {
        await deps.db.transaction().execute(async (trx) => {
          await enqueueOutbox(trx, {
            dedupeKey: `own:${slot}`,
            blocId: null,
            kind: 'test',
            chatId: '1',
            chatType: 'private',
            payload: { text: 'x' },
            now,
          });
        });
        calls.push(slot);
        return {};
      },
    });
    await (await start([own], at('2026-12-02', '09:00'), 2)).stop();
    expect(calls).toEqual(['2026-12-02T08:00']);
    expect(await getJobRun(t.db, { job: 'own-tx', scope: 'all', slot: '2026-12-02T08:00' })).toMatchObject({
      status: 'succeeded',
    });
  });

  it('never runs two jobs at once in the process', async () => {
    let active = 0;
    let maxActive = 0;
    const slow = (name: string) =>
      defineJob({
        name,
        description: name,
        schedule: '*/10 * * * *',
        scopes: async () => [{ key: 'all', blocId: null }],
        slotOf: (fire, _s, tz) => localMinuteSlot(fire, tz),
        catchUp: 'each',
        async run() {
          active++;
          maxActive = Math.max(maxActive, active);
          await new Promise((r) => setTimeout(r, 5));
          active--;
          return {};
        },
      });
    const runner = createJobRunner({ db: t.db, timeZone: TZ, logger: quietLogger, channels: ['telegram'] }, [
      slow('a'),
      slow('b'),
    ]);
    const from = at('2026-12-01', '08:00');
    const to = at('2026-12-01', '09:00');
    const [r1, r2] = await Promise.all([runner.runDue(from, to, to), runner.runDue(from, to, to)]);
    expect(maxActive).toBe(1);
    expect(r1.filter((r) => r.result.status === 'succeeded')).toHaveLength(12);
    expect(r2.filter((r) => r.result.status === 'succeeded')).toHaveLength(0);
  });

  it('refuses to start with a malformed schedule or two jobs of the same name', async () => {
    const { job } = dailyJob();
    await expect(start([{ ...job, schedule: '0 25 * * *' }], at('2026-12-01', '09:00'))).rejects.toThrow(
      /Biểu thức lịch chạy không hợp lệ/,
    );
    await expect(start([job, job], at('2026-12-01', '09:00'))).rejects.toThrow(
      'Hai việc định kỳ cùng tên "daily-test".',
    );
  });
});

describe('scheduler ticks (node-cron, fake timers)', () => {
  it('runs a job on node-cron’s minute tick at its time, once', async () => {
    vi.useFakeTimers({
      now: at('2026-12-01', '07:58'),
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    const { job, calls } = dailyJob({ catchUp: 'latest' });
    const s = await startScheduler({
      db: t.db,
      timeZone: TZ,
      logger: quietLogger,
      channels: ['telegram'],
      now: () => new Date(),
      catchUpHours: 0,
      jobs: [job],
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.waitFor(() => expect(calls.map((c) => c.slot)).toEqual(['2026-12-01']));
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(calls).toHaveLength(1);
    await s.stop();
  });

  it('stop waits for a running job to finish', async () => {
    vi.useFakeTimers({
      now: at('2026-12-01', '07:59:30'),
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let finished = false;
    const slow = defineJob({
      name: 'slow',
      description: 'Việc chạy lâu',
      schedule: '0 8 * * *',
      scopes: async () => [{ key: 'all', blocId: null }],
      slotOf: (fire, _s, tz) => localMinuteSlot(fire, tz),
      catchUp: 'latest',
      async run() {
        await gate;
        finished = true;
        return {};
      },
    });
    const s = await startScheduler({
      db: t.db,
      timeZone: TZ,
      logger: quietLogger,
      channels: ['telegram'],
      now: () => new Date(),
      catchUpHours: 0,
      jobs: [slow],
    });
    await vi.advanceTimersByTimeAsync(45_000);
    let stopped = false;
    const stopping = s.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(10);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(finished).toBe(true);
  });
});
