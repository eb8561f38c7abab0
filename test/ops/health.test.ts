// /healthz (alive) and /readyz (everything working) on a real database, with the real job list and
// scheduler runner, in a healthy state and in each unhealthy one.
import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueueOutbox } from '../../src/db/outbox.js';
import type { BotStatus } from '../../src/observability/channel-status.js';
import { createJobRunner } from '../../src/jobs/job-runner.js';
import { housekeepingJob } from '../../src/jobs/housekeeping-job.js';
import { jobs as registryJobs } from '../../src/jobs/registry.js';
import type { Job } from '../../src/jobs/job.js';
import type { ReadinessReport } from '../../src/observability/readiness.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { buildHttpApp } from '../helpers/http-app.js';
import { testLogger } from '../helpers/logger.js';

const TZ = 'Asia/Ho_Chi_Minh';
/** Wednesday 25/11/2026 10:00 in Hồ Chí Minh City. */
const NOW = new Date('2026-11-25T03:00:00.000Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

let t: TestDb;
let bot: BotStatus;
let delivering: boolean;

beforeEach(async () => {
  t = await createTestDb();
  bot = 'polling';
  delivering = true;
});
afterEach(async () => {
  await t.close();
});

function appWith(jobs: readonly Job[], minFreeDiskBytes?: number) {
  return buildHttpApp(
    { db: t.db, now: () => NOW, botStatus: () => bot },
    { readiness: { timeZone: TZ, deliveryRunning: () => delivering, jobs, catchUpHours: 24, minFreeDiskBytes } },
  ).app;
}

async function readyz(
  jobs: readonly Job[] = [],
  minFreeDiskBytes?: number,
): Promise<{ status: number; body: ReadinessReport }> {
  const res = await appWith(jobs, minFreeDiskBytes).request('/readyz');
  return { status: res.status, body: (await res.json()) as ReadinessReport };
}

/** The scheduler's catch-up over the last day, as at start: every due slot runs. */
async function runDueJobs(jobs: readonly Job[]) {
  const runner = createJobRunner({ db: t.db, timeZone: TZ, logger: testLogger(), channels: ['telegram'] }, jobs);
  await runner.runDue(new Date(NOW.getTime() - 24 * 3_600_000), NOW, NOW);
}

async function queue(key: string, createdAt: Date, chatId = '5001') {
  await enqueueOutbox(t.db, {
    dedupeKey: key,
    blocId: null,
    kind: 'test',
    chatId,
    chatType: 'private',
    payload: { text: 'Tin thử' },
    now: createdAt,
  });
}

describe('/healthz', () => {
  it('answers that the process is alive, with the bot status, without touching the database', async () => {
    const app = appWith([]);
    await t.db.destroy(); // a dead database does not make the process dead
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      bot: 'polling',
      delivery: 'ok',
      time: NOW.toISOString(),
    });
    expect((await app.request('/readyz')).status).toBe(503);
  });
});

describe('/readyz', () => {
  it('is 200 with every check when the database writes, the bot polls, the outbox flows and every job ran', async () => {
    await createSmallBloc(t.db, { units: 3, year: 2026 });
    await runDueJobs(registryJobs);
    await queue('recent', minutesAgo(2));
    const { status, body } = await readyz(registryJobs);
    expect(body.problems).toEqual([]);
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.checks.database).toEqual({ ok: true, writable: true });
    expect(body.checks.disk).toMatchObject({ ok: true, folder: dirname(t.path) });
    expect(body.checks.disk.freeBytes).toBeGreaterThanOrEqual(body.checks.disk.neededBytes!);
    expect(body.checks.bot).toEqual({ ok: true, status: 'polling' });
    expect(body.checks.outbox).toMatchObject({ ok: true, worker: 'running', overdue: 0, staleSending: 0 });
    const names = body.checks.jobs.jobs.map((j) => j.name);
    expect(names).toEqual(registryJobs.map((j) => j.name));
    const reminders = body.checks.jobs.jobs.find((j) => j.name === 'reminders')!;
    expect(reminders).toMatchObject({ ok: true, late: [] });
    expect(reminders.lastRun).toMatchObject({ scope: expect.stringMatching(/^bloc:/), status: 'succeeded' });
  });

  it('is 503 when the database cannot be written', async () => {
    await sql`pragma query_only = 1`.execute(t.db);
    const { status, body } = await readyz();
    expect(status).toBe(503);
    expect(body.status).toBe('attention');
    expect(body.checks.database).toMatchObject({
      ok: false,
      writable: false,
      error: expect.stringMatching(/readonly/),
    });
    expect(body.problems).toEqual([
      'Cơ sở dữ liệu không ghi được (attempt to write a readonly database): báo cáo gửi đến sẽ không được lưu. Xin kiểm tra chỗ trống và quyền ghi của thư mục chứa DATABASE_PATH, và xem có tiến trình nào khác đang mở tệp này không.',
    ]);
    await sql`pragma query_only = 0`.execute(t.db);
    expect((await readyz()).status).toBe(200);
  });

  it("is 503 when the database's disk has less free space than it must keep, and says how much is left", async () => {
    // A committed write on a full disk fails while the rolled-back probe still passes: the free
    // space is what warns. The real file system's free space, measured against a floor above it.
    const fs = statfsSync(dirname(t.path));
    const free = fs.bavail * fs.bsize;
    const { status, body } = await readyz([], free * 2);
    expect(status).toBe(503);
    expect(body.checks.database.ok).toBe(true);
    expect(body.checks.disk).toMatchObject({ ok: false, folder: dirname(t.path), neededBytes: free * 2 });
    expect(body.problems).toHaveLength(1);
    expect(body.problems[0]).toMatch(
      new RegExp(
        `^Ổ đĩa chứa cơ sở dữ liệu \\(${dirname(t.path)}\\) chỉ còn trống [\\d.,]+ MB, dưới mức cần giữ [\\d.,]+ MB: khi ổ đầy, báo cáo gửi đến không lưu được và bản sao lưu hằng đêm bị lỗi\\. Xin giải phóng chỗ trống`,
      ),
    );
    // The database's own size is a floor too: tonight's backup beside it needs that much.
    const small = await readyz([], 1);
    expect(small.body.checks.disk.neededBytes).toBeGreaterThan(1);
    expect(small.status).toBe(200);
  });

  it('is 503 while the bot cannot reach Telegram, and 200 when the bot is deliberately off', async () => {
    bot = 'error';
    const failing = await readyz();
    expect(failing.status).toBe(503);
    expect(failing.body.checks.bot).toEqual({ ok: false, status: 'error' });
    expect(failing.body.problems).toEqual([
      'Bot Telegram không kết nối được với Telegram; máy chủ đang tự thử lại, trong lúc đó tin nhắn và báo cáo của cán bộ đầu mối chưa đến được bot. Xin kiểm tra mạng từ máy chủ đến api.telegram.org (tường lửa, DNS, proxy) và mã TELEGRAM_BOT_TOKEN: dòng nhật ký «telegram unreachable: bot failing» hoặc «Telegram unreachable or refused the bot» cho biết lý do («401: Unauthorized» nghĩa là mã bot sai hoặc đã bị thu hồi, cần lấy mã mới ở BotFather).',
    ]);
    bot = 'off';
    delivering = false;
    const off = await readyz();
    expect(off.status).toBe(200);
    expect(off.body.checks.bot).toEqual({ ok: true, status: 'off' });
  });

  it('is 503 when a message ready to send 15 minutes ago is still queued while the worker runs', async () => {
    await queue('stuck', minutesAgo(20));
    const { status, body } = await readyz();
    expect(status).toBe(503);
    expect(body.checks.outbox).toMatchObject({
      ok: false,
      overdue: 1,
      oldestOverdueSince: minutesAgo(20).toISOString(),
    });
    expect(body.problems).toEqual([
      '1 tin nhắn đến hạn gửi từ hơn 15 phút trước vẫn chưa gửi được (đang chờ gửi, chờ gửi lại sau lỗi hoặc đang gửi). Xin xem kết nối đến Telegram (mục «bot» và «delivery» của /readyz), trang «Gửi tin» của trang quản trị và nhật ký của bộ gửi tin; nếu bộ gửi tin bị treo, xin khởi động lại dịch vụ.',
    ]);
    // Without a bot nothing is delivered by design: waiting messages are not a fault.
    delivering = false;
    const off = await readyz();
    expect(off.status).toBe(200);
    expect(off.body.checks.outbox).toMatchObject({ ok: true, worker: 'off', overdue: 1 });
  });

  it('counts a message due 15 minutes ago whatever is ahead of it: waiting for a retry, or behind one', async () => {
    await queue('older', minutesAgo(30), '6001');
    await queue('newer', minutesAgo(30), '6001');
    // The older one met a network error and waits for its retry in 10 minutes; the newer one waits behind it.
    await t.db
      .updateTable('outbox_message')
      .set({ next_attempt_at: new Date(NOW.getTime() + 10 * 60_000).toISOString(), attempts: 1 })
      .where('dedupe_key', '=', 'older')
      .execute();
    const { status, body } = await readyz();
    expect(status).toBe(503);
    expect(body.checks.outbox).toMatchObject({
      ok: false,
      overdue: 2,
      oldestOverdueSince: minutesAgo(30).toISOString(),
    });
    expect(body.problems).toEqual([
      '2 tin nhắn đến hạn gửi từ hơn 15 phút trước vẫn chưa gửi được (đang chờ gửi, chờ gửi lại sau lỗi hoặc đang gửi). Xin xem kết nối đến Telegram (mục «bot» và «delivery» của /readyz), trang «Gửi tin» của trang quản trị và nhật ký của bộ gửi tin; nếu bộ gửi tin bị treo, xin khởi động lại dịch vụ.',
    ]);
  });

  it('sees a message due long ago held behind one waiting for its own later moment, and not the latter', async () => {
    // A digest queued for tomorrow, then one due 20 minutes ago to the same group: the first waits
    // for its moment and must not hide (nor hold back) the second.
    const tomorrow = new Date(NOW.getTime() + 24 * 3_600_000);
    await enqueueOutbox(t.db, {
      dedupeKey: 'scheduled',
      blocId: null,
      kind: 'digest',
      chatId: '-1006001',
      chatType: 'group',
      payload: { text: 'Bản tin ngày mai' },
      notBefore: tomorrow,
      now: minutesAgo(40),
    });
    await enqueueOutbox(t.db, {
      dedupeKey: 'weekly',
      blocId: null,
      kind: 'digest',
      chatId: '-1006001',
      chatType: 'group',
      payload: { text: 'Bản tin tuần' },
      now: minutesAgo(20),
    });
    const { status, body } = await readyz();
    expect(status).toBe(503);
    expect(body.checks.outbox).toMatchObject({ overdue: 1, oldestOverdueSince: minutesAgo(20).toISOString() });
  });

  it("is 503 when a message stays 'sending' past its lease without being requeued", async () => {
    await queue('in-flight', minutesAgo(10));
    await t.db
      .updateTable('outbox_message')
      .set({ status: 'sending', claimed_at: minutesAgo(8).toISOString() })
      .execute();
    const { status, body } = await readyz();
    expect(status).toBe(503);
    expect(body.checks.outbox).toMatchObject({ ok: false, staleSending: 1 });
    // Within the lease a send is simply in flight.
    await t.db
      .updateTable('outbox_message')
      .set({ claimed_at: minutesAgo(1).toISOString() })
      .execute();
    expect((await readyz()).status).toBe(200);
  });

  it('is 503 when a job has not run when it should have, and says which slot', async () => {
    // Housekeeping is due daily at 03:30; at 10:00 its slot of today has no run.
    const { status, body } = await readyz([housekeepingJob]);
    expect(status).toBe(503);
    const job = body.checks.jobs.jobs[0]!;
    expect(job).toMatchObject({ name: 'housekeeping', ok: false, lastRun: null });
    expect(job.late).toEqual([
      { scope: 'all', slot: '2026-11-25', dueAt: '2026-11-24T20:30:00.000Z', status: 'missing' },
    ]);
    expect(body.problems).toEqual([
      'Việc định kỳ "housekeeping" (all) chưa chạy xong lượt 2026-11-25: chưa hề bắt đầu. Xin xem lệnh «job list» (deploy/cli.sh job list) và nhật ký máy chủ; chạy bù bằng «job run housekeeping».',
    ]);
    await runDueJobs([housekeepingJob]);
    const after = await readyz([housekeepingJob]);
    expect(after.status).toBe(200);
    expect(after.body.checks.jobs.jobs[0]!.lastRun).toMatchObject({ slot: '2026-11-25', status: 'succeeded' });
  });

  it('is 503 when the newest due slot of a job failed', async () => {
    await t.db
      .insertInto('job_run')
      .values({
        job: 'housekeeping',
        scope: 'all',
        period_key: '2026-11-25',
        status: 'failed',
        started_at: minutesAgo(60).toISOString(),
        finished_at: minutesAgo(60).toISOString(),
        detail: '{"error":"disk full","attempts":3}',
      })
      .execute();
    const { status, body } = await readyz([housekeepingJob]);
    expect(status).toBe(503);
    expect(body.checks.jobs.jobs[0]!.late[0]).toMatchObject({ slot: '2026-11-25', status: 'failed' });
    expect(body.problems).toEqual([
      'Việc định kỳ "housekeeping" (all) chưa chạy xong lượt 2026-11-25: lần chạy gần nhất bị lỗi, đang chờ chạy lại. Xin xem lệnh «job list» (deploy/cli.sh job list) và nhật ký máy chủ; chạy bù bằng «job run housekeeping».',
    ]);
  });

  it('is 503 when the newest due slot has been running past the grace period, not while it just started', async () => {
    const running = (startedMinutesAgo: number) =>
      t.db
        .insertInto('job_run')
        .values({
          job: 'housekeeping',
          scope: 'all',
          period_key: '2026-11-25',
          status: 'running',
          started_at: minutesAgo(startedMinutesAgo).toISOString(),
          finished_at: null,
          detail: null,
        })
        .execute();
    await running(2); // a catch-up that began two minutes ago
    expect((await readyz([housekeepingJob])).status).toBe(200);
    await t.db
      .updateTable('job_run')
      .set({ started_at: minutesAgo(30).toISOString() })
      .execute();
    const { status, body } = await readyz([housekeepingJob]);
    expect(status).toBe(503);
    expect(body.problems).toEqual([
      'Việc định kỳ "housekeeping" (all) chưa chạy xong lượt 2026-11-25: đang chạy quá thời gian cho phép. Xin xem lệnh «job list» (deploy/cli.sh job list) và nhật ký máy chủ; chạy bù bằng «job run housekeeping».',
    ]);
  });

  it('leaves a job its grace period after the fire time, and ignores slots before a bloc existed', async () => {
    // 03:35, five minutes after housekeeping fired: the tick may still be running it.
    const early = buildHttpApp(
      { db: t.db, now: () => new Date('2026-11-24T20:35:00.000Z'), botStatus: () => bot },
      { readiness: { timeZone: TZ, deliveryRunning: () => true, jobs: [housekeepingJob], catchUpHours: 24 } },
    ).app;
    expect((await early.request('/readyz')).status).toBe(200);
    // A bloc created a minute ago was not due any reminder at this morning's times.
    const bloc = await createSmallBloc(t.db, { units: 2, year: 2026 });
    await t.db
      .updateTable('bloc')
      .set({ created_at: minutesAgo(1).toISOString() })
      .where('id', '=', bloc.blocId)
      .execute();
    const reminders = registryJobs.filter((j) => j.name === 'reminders');
    const { status, body } = await readyz(reminders);
    expect(body.checks.jobs.jobs[0]!.late).toEqual([]);
    expect(status).toBe(200);
  });
});
