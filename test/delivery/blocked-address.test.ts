import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramDeliveryChannel } from '../../src/bot/telegram/telegram-delivery.js';
import type { Db } from '../../src/db/connection.js';
import { addContactAddress, listContactAddresses } from '../../src/db/contact-addresses.js';
import { resolveLimits } from '../../src/delivery/limits.js';
import { type DeliveryWorker, startDeliveryWorker } from '../../src/delivery/worker.js';
import { reminderJob } from '../../src/jobs/reminders/reminder-job.js';
import { startScheduler } from '../../src/jobs/scheduler.js';
import { createFakeChannel } from '../architecture/fake-channel/fake-channel.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { FakeBotApi } from '../helpers/fake-bot-api.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { at, linkChat, quietLogger, TZ } from '../jobs/support.js';
import { statusCounts, waitFor } from './support.js';

// A person who blocks the bot on their first channel gets the next reminder on their second
// (decision 0098): the delivery that settles as blocked marks that address 'blocked', and the
// recipients are chosen among linked addresses. The failed reminder itself is not resent.

let t: TestDb | undefined;
let api: FakeBotApi | undefined;
let worker: DeliveryWorker | undefined;
afterEach(async () => {
  await worker?.stop();
  await api?.close();
  await t?.close();
  [worker, api, t] = [undefined, undefined, undefined];
});

const RUNNING = ['telegram', 'fake'];

async function remindAt(db: Db, now: Date): Promise<void> {
  const scheduler = await startScheduler({
    db,
    timeZone: TZ,
    logger: quietLogger,
    channels: RUNNING,
    now: () => now,
    catchUpHours: 1,
    jobs: [reminderJob],
  });
  await scheduler.stop();
}

async function deliver(db: Db, fake: ReturnType<typeof createFakeChannel>, now: Date): Promise<void> {
  const limits = resolveLimits({ pollMs: 20 });
  const telegram = createTelegramDeliveryChannel({ token: api!.token, apiRoot: api!.apiRoot, limits, now: () => now });
  worker = startDeliveryWorker({
    db,
    channels: new Map([
      ['fake', fake.channel],
      ['telegram', telegram],
    ]),
    logger: quietLogger,
    now: () => now,
    limits,
  });
  await waitFor(
    async () => {
      const c = await statusCounts(db);
      return c.queued === undefined && !c.sending;
    },
    15_000,
    'queue drained',
  );
  await worker.stop();
  worker = undefined;
}

describe('a person who blocked the bot on their first channel', () => {
  it('gets the next reminder on their second channel; the blocked one is not resent', async () => {
    t = await createTestDb();
    const { db } = t;
    const bloc = await createSmallBloc(db, { units: 2, year: 2026 });
    const fp = bloc.focalPointIds[1]!;
    await linkChat(db, fp, '302');
    await addContactAddress(db, {
      focalPointId: fp,
      channel: 'fake',
      address: 'second@fake',
      at: at('2026-11-01', '08:00'),
    });
    api = await FakeBotApi.start({ perSecond: 300 });
    api.blockBot('302');
    const fake = createFakeChannel(4000);

    await remindAt(db, at('2026-12-01', '08:05'));
    await deliver(db, fake, at('2026-12-01', '08:06'));
    const first = await db
      .selectFrom('outbox_message')
      .select(['channel', 'address', 'status', 'failure_reason'])
      .execute();
    expect(first.filter((r) => r.address === '302')).toEqual([
      { channel: 'telegram', address: '302', status: 'failed', failure_reason: 'blocked' },
    ]);
    // Only that channel's address is blocked; nothing went to the second channel for it.
    expect((await listContactAddresses(db, fp)).map((a) => [a.channel, a.state])).toEqual([
      ['telegram', 'blocked'],
      ['fake', 'linked'],
    ]);
    expect(fake.mailboxes.has('second@fake')).toBe(false);

    // The next reminder goes to the second channel.
    await remindAt(db, at('2026-12-02', '08:05'));
    await deliver(db, fake, at('2026-12-02', '08:06'));
    expect(fake.mailboxes.get('second@fake')?.join('\n')).toContain('Tuần 48/2026');
    const telegramRows = await db.selectFrom('outbox_message').select('id').where('address', '=', '302').execute();
    expect(telegramRows).toHaveLength(1);
  });
});
