import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDigest } from '../../src/db/digests.js';
import { linkTelegramAccount } from '../../src/db/focal-points.js';
import { createJobRunner } from '../../src/jobs/job-runner.js';
import { parseSummaryKey, runScheduledSummaries, summaryJob } from '../../src/jobs/summary-jobs.js';
import { testLogger } from '../helpers/logger.js';
import type { BlocSummary } from '../../src/summaries/bloc-summary.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';
import { fileReport, TZ } from '../summaries/helpers.js';

let t: TestDb;
let b: SmallBloc;
const logger = testLogger();
const deps = () => ({ db: t.db, timeZone: TZ, logger, channels: ['telegram'] });
const midYearSlot = new Date('2026-07-05T01:05:00Z'); // 05/07/2026 08:05 (+07)

beforeEach(async () => {
  t = await createTestDb();
  b = await createSmallBloc(t.db, { units: 3, year: 2026 });
  await t.db
    .insertInto('bloc_chat')
    .values({ bloc_id: b.blocId, telegram_chat_id: '-100100', title: 'Nhóm Khối' })
    .execute();
  await linkTelegramAccount(t.db, b.focalPointIds[0]!, {
    userId: '5001',
    chatId: '5001',
    username: null,
    at: '2026-01-01T00:00:00Z',
  });
  await fileReport(t.db, b, 0, '2026-W10', '2026-03-08T03:00:00Z', [6, 12]);
  await fileReport(t.db, b, 1, '2026-W10', '2026-03-08T03:00:00Z', [4, 8]);
});
afterEach(async () => {
  await t.close();
});

const outbox = () => t.db.selectFrom('outbox_message').selectAll().orderBy('id').execute();

describe('mid-year and annual summary jobs', () => {
  it('on 05/07 computes, stores and announces the mid-year review once', async () => {
    const first = await runScheduledSummaries(deps(), midYearSlot);
    expect(first).toEqual([
      {
        blocId: b.blocId,
        kind: 'mid_year',
        periodKey: '2026-H1',
        status: 'queued',
        messages: 2,
        chats: 2,
        sendAt: midYearSlot.toISOString(),
      },
    ]);
    const again = await runScheduledSummaries(deps(), new Date('2026-07-06T01:00:00Z'));
    expect(again[0]).toMatchObject({ status: 'already_sent', messages: 0 });
    const rows = await outbox();
    expect(rows.map((r) => [r.chat_id, r.kind])).toEqual([
      ['-100100', 'summary_mid_year'],
      ['5001', 'summary_mid_year'],
    ]);
    const stored = (await getDigest(t.db, b.blocId, 'mid_year', '2026-H1'))!;
    expect(stored.text).toContain('SƠ KẾT CÔNG TÁC THI ĐUA 6 THÁNG ĐẦU NĂM 2026');
    expect(stored.text).toContain('1. Gương điển hình tiên tiến: 10/30 gương ▓▓▓░░░░░░░ 33%');
    const figures = stored.figures as BlocSummary;
    expect(figures.progress[0]!.total).toBe(10);
    expect(figures.periods.lastKey).toBe('2026-W26');
  });

  it('on 05/12 sends the annual summary with the proposal of the leading unit', async () => {
    const r = await runScheduledSummaries(deps(), new Date('2026-12-05T01:05:00Z'));
    expect(r[0]).toMatchObject({ kind: 'annual', periodKey: '2026', status: 'queued' });
    const stored = (await getDigest(t.db, b.blocId, 'annual', '2026'))!;
    expect(stored.text).toContain('TỔNG KẾT CÔNG TÁC THI ĐUA NĂM 2026');
    expect(stored.text).toContain('Đề nghị đơn vị dẫn đầu: Đơn vị 1.');
  });

  it('does not catch up a summary more than 30 days late, nor run one before its date', async () => {
    expect(await runScheduledSummaries(deps(), new Date('2026-08-10T01:00:00Z'))).toEqual([]);
    expect(await runScheduledSummaries(deps(), new Date('2026-07-05T00:55:00Z'))).toEqual([]);
    expect(await outbox()).toHaveLength(0);
  });

  it('skips a bloc without a covenant for the year', async () => {
    const r = await runScheduledSummaries(deps(), new Date('2025-12-05T01:05:00Z'));
    expect(r[0]).toMatchObject({ periodKey: '2025', status: 'no_covenant', messages: 0 });
  });

  it('runs in the scheduler once per bloc and summary, even when the window is run twice', async () => {
    const runner = createJobRunner(deps(), [summaryJob]);
    const from = new Date('2026-07-01T00:00:00Z');
    const now = new Date('2026-07-06T01:00:00Z');
    expect((await runner.runDue(from, now, now)).map((r) => [r.slot, r.result.status])).toEqual([
      ['2026-H1', 'succeeded'],
    ]);
    expect((await runner.runDue(from, now, now)).map((r) => r.result.status)).toEqual([]);
    expect(await outbox()).toHaveLength(2);
  });

  it('reads its slot keys back', () => {
    expect(parseSummaryKey('2026-H1')).toEqual({ kind: 'mid_year', year: 2026 });
    expect(parseSummaryKey('2026')).toEqual({ kind: 'annual', year: 2026 });
    expect(() => parseSummaryKey('2026-W01')).toThrow('Mã kỳ tổng hợp không hợp lệ');
  });
});
