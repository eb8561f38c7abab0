import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramDeliveryChannel } from '../../src/bot/telegram/telegram-delivery.js';
import { addContactAddress } from '../../src/db/contact-addresses.js';
import { resolveLimits } from '../../src/delivery/limits.js';
import { type DeliveryWorker, startDeliveryWorker } from '../../src/delivery/worker.js';
import { periodDigestJob } from '../../src/jobs/digest-jobs.js';
import { reminderJob } from '../../src/jobs/reminders/reminder-job.js';
import { startScheduler } from '../../src/jobs/scheduler.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { FakeBotApi } from '../helpers/fake-bot-api.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { at, linkChat, quietLogger, report, TZ } from '../jobs/support.js';
import { createFakeChannel } from './fake-channel/fake-channel.js';

// The proof that the next channel is an added folder (issue 12): a channel no file under src/
// knows of (./fake-channel/), registered beside Telegram as main.ts registers channels, carries
// the real reminder job's wave and the real digest job's digest to the people who prefer it,
// through the real worker; those who prefer Telegram still get theirs there.

let t: TestDb | undefined;
let api: FakeBotApi | undefined;
let worker: DeliveryWorker | undefined;
afterEach(async () => {
  await worker?.stop();
  await api?.close();
  await t?.close();
  [worker, api, t] = [undefined, undefined, undefined];
});

async function runJobsAt(db: TestDb['db'], now: Date): Promise<void> {
  const scheduler = await startScheduler({
    db,
    timeZone: TZ,
    logger: quietLogger,
    // As main.ts: the registry's names (the worker below registers both).
    channels: ['fake', 'telegram'],
    now: () => now,
    catchUpHours: 1,
    jobs: [reminderJob, periodDigestJob],
  });
  await scheduler.stop();
}

describe('a channel added in a test folder', () => {
  it('delivers a reminder wave and a digest to the people who rank it first', async () => {
    t = await createTestDb();
    const { db } = t;
    // Unit 1 chairs the bloc in 2026 and gets the digest; it reported week 48, units 2 and 3 did not.
    const bloc = await createSmallBloc(db, { units: 3, year: 2026 });
    const [chair, second, third] = bloc.focalPointIds as [number, number, number];
    const linkedAt = new Date('2026-11-01T00:00:00Z');
    await linkChat(db, chair, '5001');
    await addContactAddress(db, {
      focalPointId: chair,
      channel: 'fake',
      address: 'chair@fake',
      at: linkedAt,
      position: -1,
    });
    await addContactAddress(db, { focalPointId: second, channel: 'fake', address: 'second@fake', at: linkedAt });
    await linkChat(db, third, '5003');
    await addContactAddress(db, { focalPointId: third, channel: 'fake', address: 'third@fake', at: linkedAt });
    await report(db, bloc.blocId, bloc.unitIds[0]!, '2026-W48', at('2026-11-27', '10:00'));

    await runJobsAt(db, at('2026-11-30', '08:05')); // Monday: week 48's digest
    await runJobsAt(db, at('2026-12-01', '08:05')); // Tuesday: the first reminder after the deadline

    const fake = createFakeChannel(160);
    api = await FakeBotApi.start({ perSecond: 300 });
    const limits = resolveLimits({ pollMs: 20 });
    const telegram = createTelegramDeliveryChannel({
      token: api.token,
      apiRoot: api.apiRoot,
      limits,
      now: () => new Date(),
    });
    worker = startDeliveryWorker({
      db,
      channels: new Map([
        ['fake', fake.channel],
        ['telegram', telegram],
      ]),
      logger: quietLogger,
      now: () => at('2026-12-01', '08:06'),
      limits,
    });
    const until = Date.now() + 15_000;
    const pending = async () =>
      (await db.selectFrom('outbox_message').select('id').where('status', 'in', ['queued', 'sending']).execute())
        .length;
    while ((await pending()) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(await pending()).toBe(0);

    // The chair prefers the fake channel: the digest reached it there, split under its limit.
    const digest = fake.mailboxes.get('chair@fake')!;
    expect(digest.length).toBeGreaterThan(1);
    expect(digest.every((part) => part.length <= 160)).toBe(true);
    expect(digest[0]).toContain('Tuần 48/2026');
    // The unit that did not report and has only the fake channel got its reminder with choices.
    const reminder = fake.mailboxes.get('second@fake')!.join('\n');
    expect(reminder).toContain('Đơn vị 2');
    expect(reminder).toContain('Trả lời 1 để gửi báo cáo');
    expect(reminder).toContain('Trả lời 2 để báo cáo không có gì mới');
    // The third prefers Telegram (linked first): theirs went there, with buttons; none to the chair.
    expect(fake.mailboxes.has('third@fake')).toBe(false);
    expect(api.messages.map((m) => m.chatId)).toEqual(['5003']);
    expect(api.messages[0]!.replyMarkup).toMatchObject({
      inline_keyboard: [[{ callback_data: 'remind:report:2026-W48' }], [{ callback_data: 'remind:nil:2026-W48' }]],
    });
    const rows = await db
      .selectFrom('outbox_message')
      .select(['kind', 'channel', 'address', 'status'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { kind: 'digest', channel: 'fake', address: 'chair@fake', status: 'sent' },
      { kind: 'reminder', channel: 'fake', address: 'second@fake', status: 'sent' },
      { kind: 'reminder', channel: 'telegram', address: '5003', status: 'sent' },
    ]);
  });
});
