import { afterEach, describe, expect, it } from 'vitest';
import { deliveryStats } from '../../src/db/outbox-admin.js';
import { type DeliveryWorker, startDeliveryWorker } from '../helpers/telegram-delivery.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { FakeBotApi } from '../helpers/fake-bot-api.js';
import { captureLogger, queueMessages, statusCounts, waitFor } from './support.js';

// The real worker against the rate-limited emulator, in one process.

let t: TestDb | undefined;
let api: FakeBotApi | undefined;
let worker: DeliveryWorker | undefined;
afterEach(async () => {
  await worker?.stop();
  await api?.close();
  await t?.close();
  worker = undefined;
  api = undefined;
  t = undefined;
});

const FAST = { perSecond: 300, retryBaseMs: 50, retryMaxMs: 200, pollMs: 50, requestTimeoutMs: 500 };

async function setUp(emulator: ConstructorParameters<typeof Object>[0] = {}) {
  t = await createTestDb();
  api = await FakeBotApi.start({ perSecond: 300, ...(emulator as object) });
  return { db: t.db, api };
}

function start(limits: Record<string, number> = {}) {
  const log = captureLogger();
  worker = startDeliveryWorker({
    db: t!.db,
    token: api!.token,
    apiRoot: api!.apiRoot,
    logger: log.logger,
    now: () => new Date(),
    limits: { ...FAST, ...limits },
  });
  return log;
}

describe('delivery worker', () => {
  it('delivers every queued message exactly once within the per-chat and group limits', async () => {
    const { db } = await setUp({ groupWindowMs: 2000, perGroupWindow: 5 });
    const chats = [
      ...Array.from({ length: 120 }, (_, i) => ({ chatId: String(1000 + i) })),
      ...['7001', '7002', '7003'].flatMap((c) => [{ chatId: c }, { chatId: c }, { chatId: c }]),
      ...Array.from({ length: 8 }, () => ({ chatId: '-100500', chatType: 'group' as const })),
    ];
    await queueMessages(db, chats);
    start({ groupWindowMs: 2000, perGroupPerMinute: 5 });
    await waitFor(async () => (await statusCounts(db)).sent === chats.length, 20_000, 'all sent');
    const counts = api!.countsByChat();
    for (const c of new Set(chats.map((x) => x.chatId))) {
      expect(counts.get(c)).toBe(chats.filter((x) => x.chatId === c).length);
    }
    expect(api!.messages).toHaveLength(chats.length);
    expect(api!.http429).toBe(0);
  });

  it('honours a 429 retry_after before sending to that chat again, without counting an attempt', async () => {
    const { db, api } = await setUp();
    api.rateLimitNext('2001', 2);
    await queueMessages(db, [{ chatId: '2001' }, { chatId: '2002' }]);
    const log = start();
    await waitFor(async () => (await statusCounts(db)).sent === 2, 10_000, 'both sent');
    expect(api.http429).toBe(1);
    expect(api.messagesTo('2001')).toHaveLength(1);
    const row = await db
      .selectFrom('outbox_message')
      .selectAll()
      .where('chat_id', '=', '2001')
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(1);
    // Resent no earlier than retry_after (2 s; the chat's own pacing would allow 1 s).
    const [first, second] = [Date.parse(row.created_at), Date.parse(row.sent_at!)];
    expect(second - first).toBeGreaterThanOrEqual(2000);
    expect(log.entries.some((e) => e.level === 'warn' && e.msg?.includes('retry_after'))).toBe(true);
  });

  it('retries 5xx answers, timeouts and dropped connections until each message arrives once', async () => {
    const { db, api } = await setUp();
    api.serverError('3001', 2, 502);
    api.serverError('3002', 1, 500);
    api.hangNext('3003', 1);
    api.resetNext('3004', 1);
    await queueMessages(db, [
      { chatId: '3001' },
      { chatId: '3002' },
      { chatId: '3003' },
      { chatId: '3004' },
      { chatId: '3005' },
    ]);
    start({ requestTimeoutMs: 300 });
    await waitFor(async () => (await statusCounts(db)).sent === 5, 10_000, 'all sent');
    for (const chat of ['3001', '3002', '3003', '3004', '3005']) expect(api.messagesTo(chat)).toHaveLength(1);
    const attempts = Object.fromEntries(
      (await db.selectFrom('outbox_message').select(['chat_id', 'attempts']).execute()).map((r) => [
        r.chat_id,
        r.attempts,
      ]),
    );
    expect(attempts).toEqual({ '3001': 3, '3002': 2, '3003': 2, '3004': 2, '3005': 1 });
  });

  it('keeps a chat’s order when its first message is retried: part 2 of a split digest waits for part 1', async () => {
    const { db, api } = await setUp({ groupWindowMs: 2000, perGroupWindow: 5 });
    api.serverError('-100600', 1, 502);
    await queueMessages(db, [
      { chatId: '-100600', chatType: 'group' },
      { chatId: '-100600', chatType: 'group' },
      { chatId: '-100600', chatType: 'group' },
      { chatId: '3101' },
    ]);
    // Part 1's retry waits 400 ms, well past the group's pacing (2000 ms / 5 = 400 ms per message).
    start({ groupWindowMs: 2000, perGroupPerMinute: 5, retryBaseMs: 400, retryMaxMs: 400 });
    await waitFor(async () => (await statusCounts(db)).sent === 4, 10_000, 'all sent');
    expect(api.messagesTo('-100600').map((m) => m.text)).toEqual([
      'Tin thử số 1 gửi -100600',
      'Tin thử số 2 gửi -100600',
      'Tin thử số 3 gửi -100600',
    ]);
    const rows = await db
      .selectFrom('outbox_message')
      .select(['id', 'attempts'])
      .where('chat_id', '=', '-100600')
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.attempts)).toEqual([2, 1, 1]);
  });

  it('marks blocked, never-started and unknown chats failed with the reason, and delivers the others', async () => {
    const { db, api } = await setUp();
    api.blockBot('4001');
    api.neverStarted('4002');
    api.unknownChat('4003');
    const others = Array.from({ length: 60 }, (_, i) => ({ chatId: String(4100 + i) }));
    await queueMessages(db, [{ chatId: '4001' }, { chatId: '4002' }, { chatId: '4003' }, ...others]);
    start();
    await waitFor(
      async () => {
        const c = await statusCounts(db);
        return c.sent === 60 && c.failed === 3;
      },
      10_000,
      'sent and failed',
    );
    const failed = await db
      .selectFrom('outbox_message')
      .select(['chat_id', 'failure_reason', 'last_error', 'attempts'])
      .where('status', '=', 'failed')
      .orderBy('chat_id')
      .execute();
    expect(failed.map((r) => [r.chat_id, r.failure_reason, r.attempts])).toEqual([
      ['4001', 'blocked', 1],
      ['4002', 'not_started', 1],
      ['4003', 'chat_not_found', 1],
    ]);
    expect(failed[0]!.last_error).toContain('bot was blocked by the user');
    for (const o of others) expect(api.messagesTo(o.chatId)).toHaveLength(1);
    const stats = await deliveryStats(db);
    expect(stats).toMatchObject({ queued: 0, sending: 0, sent: 60, failed: 3 });
    expect(stats.failureReasons).toEqual([
      { reason: 'blocked', count: 1 },
      { reason: 'chat_not_found', count: 1 },
      { reason: 'not_started', count: 1 },
    ]);
  });

  it('gives up after the last attempt with the reason too_many_attempts', async () => {
    const { db, api } = await setUp();
    api.serverError('5001', 10, 503);
    await queueMessages(db, [{ chatId: '5001' }]);
    start({ maxAttempts: 3 });
    await waitFor(async () => (await statusCounts(db)).failed === 1, 10_000, 'failed');
    const row = await db.selectFrom('outbox_message').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ failure_reason: 'too_many_attempts', attempts: 3 });
    expect(row.last_error).toContain('503');
    expect(api.messages).toHaveLength(0);
  });

  it('does not send a message after its not_after: it fails as expired', async () => {
    const { db, api } = await setUp();
    await queueMessages(db, [{ chatId: '6001' }], { notAfter: new Date(Date.now() - 1000), prefix: 'old' });
    await queueMessages(db, [{ chatId: '6002' }], { notAfter: new Date(Date.now() + 60_000), prefix: 'fresh' });
    start();
    await waitFor(
      async () => {
        const c = await statusCounts(db);
        return c.sent === 1 && c.failed === 1;
      },
      10_000,
      'one sent one expired',
    );
    expect(api.messagesTo('6001')).toHaveLength(0);
    expect(api.messagesTo('6002')).toHaveLength(1);
    expect((await deliveryStats(db)).failureReasons).toEqual([{ reason: 'expired', count: 1 }]);
  });

  it('follows a group that became a supergroup to its new chat id', async () => {
    const { db, api } = await setUp();
    api.migrateGroup('-7001', '-1007001');
    await queueMessages(db, [{ chatId: '-7001', chatType: 'group' }]);
    start();
    await waitFor(async () => (await statusCounts(db)).sent === 1, 10_000, 'sent');
    expect(api.messagesTo('-1007001')).toHaveLength(1);
    const row = await db.selectFrom('outbox_message').selectAll().executeTakeFirstOrThrow();
    expect(row.chat_id).toBe('-1007001');
  });

  it('stops cleanly with requests in flight, and a restart sends nothing twice', async () => {
    t = await createTestDb();
    api = await FakeBotApi.start({ perSecond: 300, latencyMs: 150 });
    const chats = Array.from({ length: 40 }, (_, i) => ({ chatId: String(8000 + i) }));
    await queueMessages(t.db, chats);
    start({ maxInFlight: 5 });
    await waitFor(() => api!.messages.length >= 10, 10_000, 'some accepted');
    await worker!.stop();
    worker = undefined;
    const afterStop = await statusCounts(t.db);
    expect(afterStop.sending ?? 0).toBe(0);
    expect(afterStop.sent).toBe(api.messages.length);
    start({ maxInFlight: 5 });
    await waitFor(async () => (await statusCounts(t!.db)).sent === 40, 15_000, 'all sent');
    expect(api.messages).toHaveLength(40);
    expect([...api.countsByChat().values()].every((n) => n === 1)).toBe(true);
    expect(worker!.counters().resentAfterCrash).toBe(0);
  });

  it('keeps messages queued, not failed, while the Bot API refuses the token', async () => {
    const { db } = await setUp();
    await queueMessages(db, [{ chatId: '9001' }]);
    const log = captureLogger();
    worker = startDeliveryWorker({
      db,
      token: '999:wrong-token',
      apiRoot: api!.apiRoot,
      logger: log.logger,
      now: () => new Date(),
      limits: FAST,
    });
    await waitFor(
      () => log.entries.some((e) => e.level === 'error' && e.msg?.includes('refused the bot token')),
      5000,
      'auth error logged',
    );
    const row = await db.selectFrom('outbox_message').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'queued', attempts: 0, failure_reason: null });
    expect(api!.messages).toHaveLength(0);
  });
});
