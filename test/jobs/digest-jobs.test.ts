import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderTelegramMessage } from '../../src/bot/telegram/render-message.js';
import { plainText } from '../../src/core/plain-text.js';
import { openDatabase } from '../../src/db/connection.js';
import { parseOutboundMessage } from '../../src/db/outbox-message-json.js';
import { getDigest, listDigests } from '../../src/db/digests.js';
import { linkTelegramAccount } from '../../src/db/focal-points.js';
import { addMembership, createUnit } from '../../src/db/units.js';
import { scheduleOf } from '../../src/jobs/job.js';
import { createJobRunner } from '../../src/jobs/job-runner.js';
import { periodDigestJob, runPeriodDigests } from '../../src/jobs/digest-jobs.js';
import { testLogger } from '../helpers/logger.js';
import { updateDigestSchedule } from '../../src/summaries/schedule-entries.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';
import { fileReport, TZ } from '../summaries/helpers.js';

let t: TestDb;
let b: SmallBloc;
const logger = testLogger();
const deps = () => ({ db: t.db, timeZone: TZ, logger, channels: ['telegram'] });
const mondayAt0805 = new Date('2026-11-23T01:05:00Z'); // Monday 23/11/2026 08:05 (+07)

beforeEach(async () => {
  t = await createTestDb();
  b = await createSmallBloc(t.db, { units: 4, year: 2026 });
  await t.db
    .insertInto('bloc_chat')
    .values([
      { bloc_id: b.blocId, telegram_chat_id: '-100100', title: 'Nhóm Khối', active: 1 },
      { bloc_id: b.blocId, telegram_chat_id: '-100999', title: 'Nhóm cũ', active: 0 },
    ])
    .execute();
  // Unit 1 chairs the bloc in 2026: its linked focal point receives the digest; unit 2's does not.
  await linkTelegramAccount(t.db, b.focalPointIds[0]!, {
    userId: '5001',
    chatId: '5001',
    username: null,
    at: '2026-01-01T00:00:00Z',
  });
  await linkTelegramAccount(t.db, b.focalPointIds[1]!, {
    userId: '5002',
    chatId: '5002',
    username: null,
    at: '2026-01-01T00:00:00Z',
  });
  await fileReport(t.db, b, 0, '2026-W47', '2026-11-21T03:00:00Z', [2, 3], 'Biểu dương 2 gương điển hình.');
  await fileReport(t.db, b, 1, '2026-W47', '2026-11-22T03:00:00Z', null);
});
afterEach(async () => {
  await t.close();
});

const outbox = () => t.db.selectFrom('outbox_message').selectAll().orderBy('id').execute();

describe('period digest job', () => {
  it("stores last week's digest and queues it to the bloc's group and the chair's focal point", async () => {
    const results = await runPeriodDigests(deps(), mondayAt0805);
    expect(results).toEqual([
      {
        blocId: b.blocId,
        kind: 'period',
        periodKey: '2026-W47',
        status: 'queued',
        messages: 2,
        chats: 2,
        sendAt: mondayAt0805.toISOString(),
      },
    ]);
    const stored = await getDigest(t.db, b.blocId, 'period', '2026-W47');
    expect(stored).toMatchObject({ recipients: 2 });
    expect(stored!.text).toContain('Tuần 47/2026');
    const rows = await outbox();
    expect(rows.map((r) => [r.channel, r.address, r.chat_type, r.kind, r.dedupe_key])).toEqual([
      ['telegram', '-100100', 'group', 'digest', `digest:period:bloc${b.blocId}:2026-W47:telegram:-100100`],
      ['telegram', '5001', 'private', 'digest', `digest:period:bloc${b.blocId}:2026-W47:telegram:5001`],
    ]);
    expect(plainText(parseOutboundMessage(rows[0]!.message))).toBe(stored!.text);
  });

  it('runs once per bloc and week when started twice, at once or one after the other', async () => {
    const [first, second] = await Promise.all([
      runPeriodDigests(deps(), mondayAt0805),
      runPeriodDigests(deps(), mondayAt0805),
    ]);
    expect([first![0]!.status, second![0]!.status].sort()).toEqual(['already_sent', 'queued']);
    const later = await runPeriodDigests(deps(), new Date('2026-11-29T10:00:00Z')); // Sunday: same slot
    expect(later[0]).toMatchObject({ periodKey: '2026-W47', status: 'already_sent', messages: 0 });
    expect(await outbox()).toHaveLength(2);
    expect(await listDigests(t.db, b.blocId)).toHaveLength(1);
  });

  it('after a restart (a new connection to the same database) sends nothing again', async () => {
    await runPeriodDigests(deps(), mondayAt0805);
    const restarted = openDatabase(t.path).db;
    try {
      const r = await runPeriodDigests(
        { db: restarted, timeZone: TZ, channels: ['telegram'] },
        new Date('2026-11-23T03:00:00Z'),
      );
      expect(r[0]).toMatchObject({ status: 'already_sent', messages: 0 });
    } finally {
      await restarted.destroy();
    }
    expect(await outbox()).toHaveLength(2);
  });

  it('catches up a digest missed while the process was down, and only the latest one', async () => {
    const tuesday = new Date('2026-11-24T03:00:00Z'); // down on Monday 08:00, up again on Tuesday 10:00
    const runner = createJobRunner(deps(), [periodDigestJob]);
    const reports = await runner.runDue(new Date('2026-11-09T00:00:00Z'), tuesday, tuesday);
    expect(reports.map((r) => [r.slot, r.result.status])).toEqual([['2026-W47', 'succeeded']]);
    const again = await runner.runDue(new Date('2026-11-09T00:00:00Z'), tuesday, tuesday);
    expect(again.map((r) => r.result.status)).toEqual(['skipped']);
    expect(await listDigests(t.db, b.blocId)).toHaveLength(1);
    expect(await outbox()).toHaveLength(2);
    const ledger = await t.db.selectFrom('job_run').selectAll().execute();
    expect(ledger.map((l) => [l.job, l.scope, l.period_key, l.status])).toEqual([
      ['period-digest', `bloc:${b.blocId}`, '2026-W47', 'succeeded'],
    ]);
  });

  it('follows the bloc’s schedule, and sends nothing while it is switched off', async () => {
    const admin = { name: 'quantri' };
    expect((await updateDigestSchedule(t.db, b.blocId, { weekday: '5', time: '16:00' }, admin, mondayAt0805)).ok).toBe(
      true,
    );
    // Friday 27/11 15:00: the latest slot is Friday 20/11 16:00, whose digest covers W46.
    const before = await runPeriodDigests(deps(), new Date('2026-11-27T08:00:00Z'));
    expect(before[0]!.periodKey).toBe('2026-W46');
    const after = await runPeriodDigests(deps(), new Date('2026-11-27T09:05:00Z'));
    expect(after[0]).toMatchObject({ periodKey: '2026-W47', status: 'queued' });
    expect((await updateDigestSchedule(t.db, b.blocId, { enabled: 'tắt' }, admin, mondayAt0805)).ok).toBe(true);
    const off = await runPeriodDigests(deps(), new Date('2026-12-04T09:05:00Z'));
    expect(off[0]).toMatchObject({ kind: 'period', periodKey: '2026-W48', status: 'disabled', messages: 0 });
    const [scope] = await periodDigestJob.scopes(deps(), mondayAt0805);
    expect(scheduleOf(periodDigestJob, scope!)).toEqual([]);
    expect((await updateDigestSchedule(t.db, b.blocId, { enabled: 'bật' }, admin, mondayAt0805)).ok).toBe(true);
    const [on] = await periodDigestJob.scopes(deps(), mondayAt0805);
    expect(scheduleOf(periodDigestJob, on!)).toEqual(['0 16 * * 5']);
  });

  it('queues a large bloc’s digest once per recipient, which Telegram sends in parts within 4096 characters', async () => {
    for (let i = 0; i < 140; i++) {
      const u = await createUnit(t.db, { name: `Hội Liên hiệp các tổ chức hữu nghị số ${i + 1} của tỉnh` });
      await addMembership(t.db, { blocId: b.blocId, unitId: u.id, joinedOn: '2026-01-01', displayOrder: 10 + i });
    }
    const r = await runPeriodDigests(deps(), mondayAt0805);
    const stored = (await getDigest(t.db, b.blocId, 'period', '2026-W47'))!;
    expect(r[0]!.messages).toBe(2);
    const rows = await outbox();
    expect(rows.map((row) => row.address)).toEqual(['-100100', '5001']);
    const parts = renderTelegramMessage(parseOutboundMessage(rows[0]!.message), {});
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.text.length).toBeLessThanOrEqual(4096);
    expect(parts[0]!.text).toMatch(/^\(Phần 1\/\d\)\n/);
    expect(stored.parts).toEqual([stored.text]);
  });
});
