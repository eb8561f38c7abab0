// A Telegram outage as the operator sees it: the real delivery worker against the Bot API
// emulator that stops answering, the real bot runner against an emulator that goes away and comes
// back, and /healthz, /readyz, /metrics and the log of the real HTTP app over them.
import { createServer, type Server, type Socket, connect } from 'node:net';
import type { Hono } from 'hono';
import parsePrometheusTextFormat, { type PromFamily } from 'parse-prometheus-text-format';
import { afterEach, describe, expect, it } from 'vitest';
import { type BotRunner, startBot } from '../../src/bot/telegram/runner.js';
import { type DeliveryWorker, startDeliveryWorker } from '../helpers/telegram-delivery.js';
import type { BotStatus } from '../../src/http/health.js';
import type { ReadinessReport } from '../../src/observability/readiness.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createTelegramChannels, type TelegramChannels } from '../../src/observability/telegram-channels.js';
import { BotEmulator } from '../helpers/bot-emulator.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { FakeBotApi } from '../helpers/fake-bot-api.js';
import { buildHttpApp } from '../helpers/http-app.js';
import { teeLogger } from '../helpers/logger.js';
import { queueMessages, statusCounts, waitFor } from '../delivery/support.js';

// Timeouts long enough that a loaded machine's slow answer is not taken for an outage.
const FAST = { perSecond: 300, retryBaseMs: 50, retryMaxMs: 200, pollMs: 50, requestTimeoutMs: 2000 };

let t: TestDb | undefined;
let api: FakeBotApi | undefined;
let emu: BotEmulator | undefined;
let worker: DeliveryWorker | undefined;
let runner: BotRunner | undefined;
afterEach(async () => {
  await worker?.stop();
  await runner?.stop('test end');
  await api?.close();
  await emu?.close();
  await t?.close();
  worker = undefined;
  runner = undefined;
  api = undefined;
  emu = undefined;
  t = undefined;
});

/**
 * A TCP relay in front of the emulator that can turn into a black hole: connections stay open and
 * accepted, but nothing goes through either way, as behind a firewall that drops packets.
 */
async function blackHoleRelay(targetPort: number) {
  let dropping = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('error', () => undefined);
    client.on('close', () => sockets.delete(client));
    if (dropping) return;
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    upstream.on('close', () => sockets.delete(upstream));
    client.on('data', (d) => !dropping && upstream.write(d));
    upstream.on('data', (d) => !dropping && client.write(d));
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    apiRoot: `http://127.0.0.1:${(server.address() as { port: number }).port}/`,
    drop: () => {
      dropping = true;
    },
    /** Packets flow again; the connections opened meanwhile are reset, as after a firewall change. */
    restore: () => {
      dropping = false;
      for (const s of sockets) s.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The product's logger, with the lines it wrote kept as parsed objects. */
function loggedLines() {
  const lines: { level: number; msg: string; [k: string]: unknown }[] = [];
  const logger = teeLogger('info', (line) => lines.push(JSON.parse(line)));
  return { lines, logger, withMsg: (re: RegExp) => lines.filter((l) => re.test(l.msg)) };
}

function httpApp(channels: TelegramChannels, botStatus: () => BotStatus): Hono {
  const metrics = createMetrics({ db: t!.db, now: () => new Date(), botStatus, channels });
  return buildHttpApp(
    { db: t!.db, now: () => new Date(), botStatus },
    {
      metrics,
      channels,
      readiness: { timeZone: 'Asia/Ho_Chi_Minh', deliveryRunning: () => true, jobs: [], catchUpHours: 24 },
    },
  ).app;
}

async function scrape(app: Hono): Promise<PromFamily[]> {
  const res = await app.request('/metrics', {}, { incoming: { socket: { remoteAddress: '127.0.0.1' } } });
  return parsePrometheusTextFormat(await res.text());
}
const sample = (families: PromFamily[], name: string, labels: Record<string, string>) =>
  Number(
    families
      .find((f) => f.name === name)
      ?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))?.value ?? Number.NaN,
  );

describe('a Telegram outage', () => {
  it('of the sends: /healthz and /readyz say delivery is failing, /metrics counts the failures, the log warns once and says when it recovers', async () => {
    t = await createTestDb();
    api = await FakeBotApi.start({ perSecond: 300 });
    const log = loggedLines();
    const channels = createTelegramChannels({ now: () => new Date(), logger: log.logger });
    const app = httpApp(channels, () => 'polling');
    const chats = Array.from({ length: 12 }, (_, i) => ({ chatId: String(9100 + i) }));
    // Telegram stops answering: every send times out.
    api.hold();
    await queueMessages(t.db, chats);
    worker = startDeliveryWorker({
      db: t.db,
      token: api.token,
      apiRoot: api.apiRoot,
      logger: log.logger,
      now: () => new Date(),
      limits: FAST,
      channels,
    });
    await waitFor(() => channels.state('delivery').failuresSinceOk >= 12, 10_000, 'every message tried once');

    const health = await (await app.request('/healthz')).json();
    expect(health).toMatchObject({ status: 'ok', bot: 'polling', delivery: 'error' });
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(503);
    const report = (await ready.json()) as ReadinessReport;
    expect(report.checks.delivery).toMatchObject({ ok: false, status: 'error', reason: 'timeout' });
    expect(report.checks.delivery.failedAttempts).toBeGreaterThanOrEqual(12);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatch(
      /^Bộ gửi tin không gửi được tin nhắn đến Telegram từ \d\d:\d\d \d\d\/\d\d\/\d{4} \(quá thời gian chờ trả lời, \d+ lần thử không thành công\); tin nhắc, bản tin và thông báo đang chờ trong hàng đợi và sẽ được gửi lại tự động khi kết nối trở lại\. Xin kiểm tra mạng từ máy chủ đến api\.telegram\.org/,
    );
    const during = await scrape(app);
    expect(sample(during, 'ktd_telegram_failed_attempts_total', { channel: 'delivery', reason: 'timeout' })).toBe(
      channels.state('delivery').failuresSinceOk,
    );
    expect(sample(during, 'ktd_telegram_failed_attempts_total', { channel: 'bot', reason: 'network' })).toBe(0);
    expect(sample(during, 'ktd_telegram_unreachable', { channel: 'delivery' })).toBe(1);
    expect(sample(during, 'ktd_telegram_unreachable', { channel: 'bot' })).toBe(0);

    // Telegram answers again: everything waiting goes, and the channel works again.
    api.dropHeld();
    await waitFor(async () => (await statusCounts(t!.db)).sent === chats.length, 15_000, 'all sent');
    expect(new Set(api.messages.map((m) => m.chatId)).size).toBe(chats.length);
    expect(await (await app.request('/healthz')).json()).toMatchObject({ delivery: 'ok' });
    const after = await app.request('/readyz');
    expect(((await after.json()) as ReadinessReport).checks.delivery).toEqual({ ok: true, status: 'ok' });
    expect(after.status).toBe(200);
    expect(sample(await scrape(app), 'ktd_telegram_unreachable', { channel: 'delivery' })).toBe(0);

    // One warning for the whole outage, whatever the number of messages, and one line on recovery.
    const warned = log.withMsg(/^telegram unreachable: delivery failing/);
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({ level: 40, channel: 'delivery', reason: 'timeout' });
    const recovered = log.withMsg(/^telegram reachable again: delivery recovered/);
    expect(recovered).toHaveLength(1);
    expect(recovered[0]).toMatchObject({ level: 30, channel: 'delivery' });
    expect(recovered[0]!.failedAttempts).toBeGreaterThanOrEqual(12);
    // The retries of each message are not logged one by one at info during the outage.
    expect(log.withMsg(/^send failed; will retry/)).toEqual([]);
  });

  it('sends what waited for a retry as soon as Telegram answers again, not at the end of each backoff', async () => {
    t = await createTestDb();
    api = await FakeBotApi.start({ perSecond: 300 });
    const log = loggedLines();
    const channels = createTelegramChannels({ now: () => new Date(), logger: log.logger });
    api.hold();
    await queueMessages(t.db, [{ chatId: '9301' }, { chatId: '9302' }, { chatId: '9303' }], { prefix: 'outage' });
    // After its failed attempt each waits 8 minutes or more for its retry.
    worker = startDeliveryWorker({
      db: t.db,
      token: api.token,
      apiRoot: api.apiRoot,
      logger: log.logger,
      now: () => new Date(),
      limits: { ...FAST, requestTimeoutMs: 300, retryBaseMs: 600_000, retryMaxMs: 600_000 },
      channels,
    });
    const waitingForRetry = async () =>
      (
        await t!.db
          .selectFrom('outbox_message')
          .select('id')
          .where('status', '=', 'queued')
          .where('last_error', 'like', 'timeout%')
          .execute()
      ).length;
    await waitFor(async () => (await waitingForRetry()) === 3, 10_000, 'each tried once');
    // A 429 met during the outage keeps its retry_after (stored as the worker stores a 429's wait).
    await t.db
      .updateTable('outbox_message')
      .set({ last_error: '429: Too Many Requests: retry after 600', waiting_for: 'rate_limit' })
      .where('chat_id', '=', '9303')
      .execute();
    api.dropHeld();
    // Telegram is back; the next message queued reaches it, and with it the ones that waited.
    await queueMessages(t.db, [{ chatId: '9304' }], { prefix: 'after' });
    await waitFor(async () => (await statusCounts(t!.db)).sent === 3, 10_000, 'the waiting messages sent');
    expect(api.messages.map((m) => m.chatId).sort()).toEqual(['9301', '9302', '9304']);
    expect(log.withMsg(/^telegram answers again: messages waiting for a retry are sent now/)).toEqual([
      expect.objectContaining({ count: 2 }),
    ]);
  });

  it('counts 429 answers by channel without calling the channel failing', async () => {
    t = await createTestDb();
    api = await FakeBotApi.start({ perSecond: 300 });
    const log = loggedLines();
    const channels = createTelegramChannels({ now: () => new Date(), logger: log.logger });
    const app = httpApp(channels, () => 'polling');
    api.rateLimitNext('9201', 1);
    await queueMessages(t.db, [{ chatId: '9201' }]);
    worker = startDeliveryWorker({
      db: t.db,
      token: api.token,
      apiRoot: api.apiRoot,
      logger: log.logger,
      now: () => new Date(),
      limits: FAST,
      channels,
    });
    await waitFor(async () => (await statusCounts(t!.db)).sent === 1, 10_000, 'sent after retry_after');
    const families = await scrape(app);
    expect(
      sample(families, 'ktd_telegram_failed_attempts_total', { channel: 'delivery', reason: 'rate_limited' }),
    ).toBe(1);
    expect(sample(families, 'ktd_telegram_unreachable', { channel: 'delivery' })).toBe(0);
    expect(await (await app.request('/healthz')).json()).toMatchObject({ delivery: 'ok' });
    expect(log.withMsg(/^telegram unreachable/)).toEqual([]);
  });

  it('of the long polling: the bot shows error while getUpdates fails, and polling again once Telegram is back', async () => {
    t = await createTestDb();
    emu = await BotEmulator.start();
    const port = Number(new URL(emu.apiRoot).port);
    const log = loggedLines();
    const channels = createTelegramChannels({ now: () => new Date(), logger: log.logger });
    runner = await startBot({
      db: t.db,
      token: emu.token,
      apiRoot: emu.apiRoot,
      mode: 'polling',
      forceIpv4: false,
      timeZone: 'Asia/Ho_Chi_Minh',
      now: () => new Date(),
      logger: log.logger,
      channels,
    });
    const app = httpApp(channels, () => runner!.status());
    await waitFor(() => emu!.callsOf('getUpdates').length > 0, 10_000, 'polling');
    expect(await (await app.request('/healthz')).json()).toMatchObject({ bot: 'polling' });

    // Telegram goes away: the long poll in flight fails and telegraf retries by itself.
    await emu.close();
    await waitFor(() => runner!.status() === 'error', 10_000, 'the bot to see the outage');
    expect(await (await app.request('/healthz')).json()).toMatchObject({ bot: 'error', delivery: 'ok' });
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(503);
    const report = (await ready.json()) as ReadinessReport;
    expect(report.checks.bot).toMatchObject({ ok: false, status: 'error', reason: 'network' });
    expect(report.problems[0]).toMatch(
      /^Bot Telegram không kết nối được với Telegram từ \d\d:\d\d \d\d\/\d\d\/\d{4} \(lỗi mạng, không kết nối được, \d+ lần thử không thành công\); máy chủ đang tự thử lại/,
    );
    const families = await scrape(app);
    expect(
      sample(families, 'ktd_telegram_failed_attempts_total', { channel: 'bot', reason: 'network' }),
    ).toBeGreaterThan(0);
    expect(sample(families, 'ktd_telegram_unreachable', { channel: 'bot' })).toBe(1);
    expect(sample(families, 'ktd_bot_status', { status: 'error' })).toBe(1);

    // It comes back at the same address: telegraf's next try (5 s later) gets an answer.
    emu = await BotEmulator.start({ port });
    await waitFor(() => runner!.status() === 'polling', 15_000, 'polling again');
    expect(await (await app.request('/healthz')).json()).toMatchObject({ bot: 'polling' });
    expect((await app.request('/readyz')).status).toBe(200);
    expect(log.withMsg(/^telegram unreachable: bot failing/)).toHaveLength(1);
    expect(log.withMsg(/^telegram reachable again: bot recovered/)).toHaveLength(1);
    // A person's message reaches the bot again.
    const chat = emu.chat({ userId: 4343 });
    await chat.send('/trogiup');
    expect(chat.lastText()).toBeTruthy();
  });

  it('of a network that drops packets silently: the bot gives up on an unanswered long poll and shows error', async () => {
    t = await createTestDb();
    emu = await BotEmulator.start();
    const relay = await blackHoleRelay(Number(new URL(emu.apiRoot).port));
    try {
      const log = loggedLines();
      const channels = createTelegramChannels({ now: () => new Date(), logger: log.logger });
      runner = await startBot({
        db: t.db,
        token: emu.token,
        apiRoot: relay.apiRoot,
        mode: 'polling',
        forceIpv4: false,
        timeZone: 'Asia/Ho_Chi_Minh',
        now: () => new Date(),
        logger: log.logger,
        channels,
        // The product waits 10 s for updates and 20 s more for an answer; a second each here.
        callTimeouts: { longPollS: 1, answerGraceMs: 1000 },
      });
      await waitFor(() => emu!.callsOf('getUpdates').length > 0, 10_000, 'polling');
      expect(runner.status()).toBe('polling');
      // The long poll asks for the shorter wait, so a dead connection shows within 30 s.
      expect(emu.callsOf('getUpdates').at(-1)!.params.timeout).toBe(1);

      relay.drop();
      await waitFor(() => runner!.status() === 'error', 10_000, 'the bot to give up on the silent connection');
      expect(channels.state('bot')).toMatchObject({ status: 'error', reason: 'timeout' });
      expect(log.withMsg(/^telegram unreachable: bot failing/)).toEqual([
        expect.objectContaining({ reason: 'timeout', error: 'getUpdates: no answer within 2 s' }),
      ]);

      relay.restore();
      await waitFor(() => runner!.status() === 'polling', 15_000, 'polling again');
      expect(log.withMsg(/^telegram reachable again: bot recovered/)).toHaveLength(1);
    } finally {
      await runner?.stop('test end');
      runner = undefined;
      await relay.close();
    }
  });
});
