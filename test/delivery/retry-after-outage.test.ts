import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramDeliveryChannel } from '../../src/bot/telegram/telegram-delivery.js';
import { claimOutboxMessage, enqueueOutbox, rescheduleOutbox, retryNowAfterOutage } from '../../src/db/outbox.js';
import { resolveLimits } from '../../src/delivery/limits.js';
import { type DeliveryWorker, startDeliveryWorker } from '../../src/delivery/worker.js';
import { createTelegramChannels } from '../../src/observability/telegram-channels.js';
import { createFakeChannel } from '../architecture/fake-channel/fake-channel.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { FakeBotApi } from '../helpers/fake-bot-api.js';
import { testLogger } from '../helpers/logger.js';
import { statusCounts, waitFor } from './support.js';

// Decision 0072 per channel: when Telegram answers again, only Telegram's rows waiting for a retry
// are brought forward; another channel's retries keep their time (that channel did not recover).

let t: TestDb | undefined;
let api: FakeBotApi | undefined;
let worker: DeliveryWorker | undefined;
afterEach(async () => {
  await worker?.stop();
  await api?.close();
  await t?.close();
  [worker, api, t] = [undefined, undefined, undefined];
});

const now = new Date('2026-12-01T01:00:00.000Z');
const later = new Date(now.getTime() + 10 * 60_000);

async function queue(db: TestDb['db'], key: string, channel: string, address: string): Promise<number> {
  await enqueueOutbox(db, {
    dedupeKey: key,
    blocId: null,
    kind: 'test',
    channel,
    address,
    audience: 'person',
    message: { topic: 'announcement', title: key, blocks: [], actions: [] },
    now,
  });
  return (await db.selectFrom('outbox_message').select('id').where('dedupe_key', '=', key).executeTakeFirstOrThrow())
    .id;
}

/** The row was tried once and waits for its retry at `later`, after a timeout. */
async function waitingForRetry(db: TestDb['db'], id: number): Promise<void> {
  expect((await claimOutboxMessage(db, id, now)).claimed).toBe(true);
  await rescheduleOutbox(db, id, { at: later, error: 'timeout', countAttempt: true });
}

describe('messages waiting for a retry when a channel answers again', () => {
  it('are brought forward on the channel that recovered only: a fake-channel row keeps its time', async () => {
    t = await createTestDb();
    const { db } = t;
    const fakeWaiting = await queue(db, 'fake-waiting', 'fake', 'waiting@fake');
    const telegramWaiting = await queue(db, 'telegram-waiting', 'telegram', '7001');
    await waitingForRetry(db, fakeWaiting);
    await waitingForRetry(db, telegramWaiting);

    // Telegram fails as a whole (a 502), then the next message due reaches it: it recovered.
    api = await FakeBotApi.start({ perSecond: 300 });
    const limits = resolveLimits({ pollMs: 20, requestTimeoutMs: 2000 });
    const telegram = createTelegramDeliveryChannel({
      token: api.token,
      apiRoot: api.apiRoot,
      limits,
      now: () => now,
      watch: createTelegramChannels({ now: () => now, logger: testLogger() }),
    });
    api.serverError('7000');
    expect(await telegram.send('7000', { text: 'thử' })).toMatchObject({ type: 'retryLater' });
    expect(telegram.failing?.()).toBe(true);
    await queue(db, 'telegram-due', 'telegram', '7002');

    const fake = createFakeChannel(160);
    worker = startDeliveryWorker({
      db,
      channels: new Map([
        ['fake', fake.channel],
        ['telegram', telegram],
      ]),
      logger: testLogger(),
      now: () => now,
      limits,
    });
    await waitFor(async () => ((await statusCounts(db)).sent ?? 0) >= 2, 10_000, 'Telegram’s two messages sent');
    await worker.stop();
    worker = undefined;

    // Telegram's waiting row went at once; the fake channel's still waits for its own retry.
    expect(api.messages.map((m) => m.chatId).sort()).toEqual(['7001', '7002']);
    expect(fake.mailboxes.size).toBe(0);
    expect(
      await db
        .selectFrom('outbox_message')
        .select(['status', 'next_attempt_at', 'attempts'])
        .where('id', '=', fakeWaiting)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'queued', next_attempt_at: later.toISOString(), attempts: 1 });
  });
});

describe('what a row waits for, whatever the channel’s wording of its errors (migration 0014)', () => {
  it('a rate limit or refused credentials keep their wait after an outage; a backoff is brought forward', async () => {
    t = await createTestDb();
    const { db } = t;
    // Zalo's and e-mail's errors do not begin with Telegram's codes: the wait is told by the row.
    const backoff = await queue(db, 'zalo-backoff', 'zalo', 'u-1');
    const limited = await queue(db, 'zalo-limited', 'zalo', 'u-2');
    const refused = await queue(db, 'email-refused', 'email', 'a@b.gov.vn');
    for (const id of [backoff, limited, refused]) expect((await claimOutboxMessage(db, id, now)).claimed).toBe(true);
    await rescheduleOutbox(db, backoff, { at: later, error: 'fetch failed', countAttempt: true });
    await rescheduleOutbox(db, limited, {
      at: later,
      error: 'Too many requests',
      countAttempt: false,
      waitingFor: 'rate_limit',
    });
    await rescheduleOutbox(db, refused, {
      at: later,
      error: '535 Authentication failed',
      countAttempt: false,
      waitingFor: 'credentials',
    });

    expect(await retryNowAfterOutage(db, 'zalo', now)).toBe(1);
    expect(await retryNowAfterOutage(db, 'email', now)).toBe(0);
    const times = await db.selectFrom('outbox_message').select(['id', 'next_attempt_at']).orderBy('id').execute();
    expect(times).toEqual([
      { id: backoff, next_attempt_at: now.toISOString() },
      { id: limited, next_attempt_at: later.toISOString() },
      { id: refused, next_attempt_at: later.toISOString() },
    ]);
  });
});
