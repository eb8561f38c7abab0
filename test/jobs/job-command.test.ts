import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJobCommand, parseMoment } from '../../src/cli/job-command.js';
import { CliError, type CliContext } from '../../src/cli/context.js';
import { loadConfig } from '../../src/config.js';
import { defineJob } from '../../src/jobs/job.js';
import { jobs } from '../../src/jobs/registry.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';
import { at, linkChat, queuedReminders, quietLogger, TZ } from './support.js';

let t: TestDb;
let bloc: SmallBloc;
let lines: string[];
let ctx: CliContext;

beforeEach(async () => {
  t = await createTestDb();
  bloc = await createSmallBloc(t.db, { units: 3, year: 2026 });
  for (const [i, fp] of bloc.focalPointIds.entries()) await linkChat(t.db, fp, `20${i}`);
  lines = [];
  const result = loadConfig({});
  if (!result.ok) throw new Error('default config must load');
  ctx = { config: result.config, db: t.db, now: () => at('2026-12-01', '08:00'), out: (l) => lines.push(l) };
});
afterEach(async () => {
  await t.close();
});

const job = createJobCommand({ logger: quietLogger });
// The server's jobs: the fixed list and the daily backup, which the command adds from the settings.
const names = [...jobs.map((j) => j.name), 'backup'].join(', ');
const fails = async (args: string[]) => {
  const error = await job.run(ctx, args).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CliError);
  return (error as Error).message;
};

describe('npm run cli -- job', () => {
  it('lists the registered jobs with their latest runs', async () => {
    await job.run(ctx, ['run', 'reminders']);
    lines = [];
    await job.run(ctx, ['list']);
    const i = lines.indexOf(`reminders: ${jobs.find((j) => j.name === 'reminders')!.description}`);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(lines[i + 1]).toMatch(new RegExp(`^  bloc:${bloc.blocId} · 2026-12-01T08:00 · succeeded · `));
  });

  it('runs a job for a given moment and bloc, and a second run changes nothing', async () => {
    await job.run(ctx, ['run', 'reminders', '--now', '2026-12-01T08:00', '--bloc', String(bloc.blocId)]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^bloc:${bloc.blocId} · 2026-12-01T08:00: đã chạy: \\d+ tin nhắn được xếp hàng gửi`),
    );
    const queued = await queuedReminders(t.db);
    expect(queued.filter((r) => r.stage === 'after1' && r.periodKey === '2026-W48')).toHaveLength(3);

    await job.run(ctx, ['run', 'reminders', '--now', '2026-12-01T08:00:00+07:00', '--bloc', String(bloc.blocId)]);
    expect(lines[1]).toContain('đã chạy trước đó, bỏ qua');
    await job.run(ctx, ['run', 'reminders', '--now', '2026-12-01T01:00:00Z', '--force']);
    expect(lines[2]).toContain('đã chạy: 0 tin nhắn được xếp hàng gửi');
    expect(await queuedReminders(t.db)).toEqual(queued);
  });

  it('refuses bad input with a clear Vietnamese message and runs nothing', async () => {
    expect(await fails(['run'])).toContain(`Các việc hiện có: ${names}.`);
    expect(await fails(['run', 'nhac-nho'])).toBe(`Không có việc định kỳ "nhac-nho". Các việc hiện có: ${names}.`);
    expect(await fails(['run', 'reminders', '--now', '01/12/2026 08:00'])).toContain(
      '--now: "01/12/2026 08:00" không phải thời điểm hợp lệ',
    );
    expect(await fails(['run', 'reminders', '--now', '2026-02-30T08:00'])).toContain('không phải thời điểm hợp lệ');
    const blocs = 'Xem mã và tên các khối: npm run cli -- bloc list';
    expect(await fails(['run', 'reminders', '--bloc', 'sáu'])).toBe(`Không có khối thi đua tên "sáu". ${blocs}`);
    expect(await fails(['run', 'reminders', '--bloc', '999'])).toBe(`Không có khối thi đua mã 999. ${blocs}`);
    expect(await fails(['chay'])).toContain('Dùng: job list | job run');
    expect(await queuedReminders(t.db)).toEqual([]);
    expect(await t.db.selectFrom('job_run').selectAll().execute()).toEqual([]);
  });

  it('refuses a moment still to come unless --allow-future, whatever the job, and runs nothing', async () => {
    for (const name of ['reminders', 'period-digest', 'summaries', 'housekeeping']) {
      expect(await fails(['run', name, '--now', '2026-12-01T08:01'])).toContain(
        '--now 2026-12-01T08:01 (08:01 01/12/2026) là thời điểm chưa đến: bây giờ mới là 08:00 01/12/2026.',
      );
    }
    expect(await queuedReminders(t.db)).toEqual([]);
    expect(await t.db.selectFrom('job_run').selectAll().execute()).toEqual([]);
    expect(await t.db.selectFrom('digest').selectAll().execute()).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('with --allow-future says that the queued reminders wait for that moment', async () => {
    const earlier: CliContext = { ...ctx, now: () => at('2026-11-30', '10:00') };
    await job.run(earlier, ['run', 'reminders', '--now', '2026-12-01T08:00', '--allow-future']);
    expect(lines[0]).toMatch(
      new RegExp(
        `^bloc:${bloc.blocId} · 2026-12-01T08:00: đã chạy: 3 tin nhắn được xếp hàng gửi; tin nhắn nằm chờ đến 08:00 01/12/2026 mới được gửi `,
      ),
    );
  });

  it('reports a failing job as an error (the CLI exits non-zero)', async () => {
    const broken = defineJob({
      name: 'broken',
      description: 'Việc thử luôn lỗi',
      schedule: '0 8 * * *',
      scopes: async () => [{ key: 'all', blocId: null }],
      slotOf: () => 'x',
      catchUp: 'latest',
      run: async () => {
        throw new Error('hỏng');
      },
    });
    const message = await createJobCommand({ jobs: [broken], logger: quietLogger })
      .run(ctx, ['run', 'broken'])
      .then(
        () => '',
        (e: Error) => e.message,
      );
    expect(message).toBe('Việc "broken" chạy lỗi (xem ở trên).');
    expect(lines).toEqual(['all · x: LỖI: hỏng']);
  });

  it('reads a moment without offset in the app time zone', () => {
    expect(parseMoment('2026-12-01T08:00', TZ).toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(parseMoment('2026-12-01 08:00:30', TZ).toISOString()).toBe('2026-12-01T01:00:30.000Z');
    expect(parseMoment('2026-12-01T08:00:00Z', TZ).toISOString()).toBe('2026-12-01T08:00:00.000Z');
  });
});
