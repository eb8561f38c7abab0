import { afterEach, describe, expect, it } from 'vitest';
import { deliveryStats } from '../../src/db/outbox-admin.js';
import { type DeliveryWorker, startDeliveryWorker } from '../helpers/telegram-delivery.js';
import { reminderJob } from '../../src/jobs/reminders/reminder-job.js';
import { startScheduler } from '../../src/jobs/scheduler.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { FakeBotApi } from '../helpers/fake-bot-api.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { at, linkChat, quietLogger, report, TZ } from '../jobs/support.js';
import { statusCounts, waitFor } from './support.js';

// The scheduler and the delivery worker wired as main.ts wires them, with the clock at Tuesday
// 01/12/2026 08:05: the reminders of week 48 reach exactly the chats of the units that have not
// reported, with their buttons; a focal point who blocked the bot does not hold up the others.

let t: TestDb | undefined;
let api: FakeBotApi | undefined;
let worker: DeliveryWorker | undefined;
afterEach(async () => {
  await worker?.stop();
  await api?.close();
  await t?.close();
});

describe('reminders from the scheduler to Telegram', () => {
  it('delivers each due reminder once to the missing units and records the blocked one', async () => {
    t = await createTestDb();
    const bloc = await createSmallBloc(t.db, { name: 'Khối thi đua số 6', units: 7, year: 2026 });
    for (let i = 0; i < 7; i++) await linkChat(t.db, bloc.focalPointIds[i]!, `30${i + 1}`);
    await report(t.db, bloc.blocId, bloc.unitIds[0]!, '2026-W48', at('2026-11-27', '10:00'));
    await report(t.db, bloc.blocId, bloc.unitIds[1]!, '2026-W48', at('2026-11-28', '10:00'), true);
    await report(t.db, bloc.blocId, bloc.unitIds[2]!, '2026-W47', at('2026-11-20', '10:00'));
    api = await FakeBotApi.start({ perSecond: 30 });
    api.blockBot('305');
    const now = () => at('2026-12-01', '08:05');

    const scheduler = await startScheduler({
      db: t.db,
      timeZone: TZ,
      logger: quietLogger,
      channels: ['telegram'],
      now,
      catchUpHours: 24,
      jobs: [reminderJob],
    });
    await scheduler.stop();
    worker = startDeliveryWorker({
      db: t.db,
      token: api.token,
      apiRoot: api.apiRoot,
      logger: quietLogger,
      now,
      limits: { pollMs: 50 },
    });
    await waitFor(
      async () => (await statusCounts(t!.db)).queued === undefined && !(await statusCounts(t!.db)).sending,
      15_000,
      'queue drained',
    );

    const w48 = api.messages.filter((m) => m.text.includes('Tuần 48/2026'));
    expect(w48.map((m) => m.chatId).sort()).toEqual(['303', '304', '306', '307']);
    expect(w48.every((m) => m.text.includes('Đã quá hạn báo cáo tiến độ'))).toBe(true);
    expect(w48[0]!.replyMarkup).toEqual({
      inline_keyboard: [
        [{ text: '📝 Gửi báo cáo', callback_data: 'remind:report:2026-W48' }],
        [{ text: 'Kỳ này không có gì mới', callback_data: 'remind:nil:2026-W48' }],
      ],
    });
    // Week 47 is no longer chased on 01/12 (the bot and the link take the current and the
    // previous week only, decision 0022), so nothing else goes out.
    expect(api.messages).toHaveLength(4);
    expect(await deliveryStats(t.db, bloc.blocId)).toMatchObject({
      queued: 0,
      sending: 0,
      sent: 4,
      failed: 1,
      failureReasons: [{ reason: 'blocked', count: 1 }],
    });
  });
});
