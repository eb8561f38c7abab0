import { request as httpRequest } from 'node:http';
import { type ServerType, serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BotRunner, startBot, WEBHOOK_PATH } from '../../src/bot/telegram/runner.js';
import { MAX_UPDATE_BYTES, secretMatches } from '../../src/bot/telegram/webhook.js';
import { getFocalPoint } from '../../src/db/focal-points.js';
import { createInvite } from '../../src/db/invites.js';
import { getReport } from '../../src/db/reports.js';
import { BotEmulator } from '../helpers/bot-emulator.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { buildHttpApp } from '../helpers/http-app.js';
import { TEST_WEBHOOK_SECRET } from '../helpers/secrets.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';
import { captureLogger, Clock, TUESDAY_W48, TZ } from './harness.js';

const SECRET = TEST_WEBHOOK_SECRET;

let t: TestDb;
let emu: BotEmulator;
let bloc: SmallBloc;
let runner: BotRunner;
let app: Hono;
let server: ServerType | undefined;
const log = captureLogger();
const clock = new Clock(new Date(TUESDAY_W48));

async function start(publicUrl: string) {
  runner = await startBot({
    db: t.db,
    token: emu.token,
    apiRoot: emu.apiRoot,
    mode: 'webhook',
    publicUrl,
    webhookSecret: SECRET,
    forceIpv4: false,
    timeZone: TZ,
    now: clock.now,
    logger: log.logger,
  });
  app = buildHttpApp(
    {
      db: t.db,
      now: clock.now,
      botStatus: () => runner.status(),
      mounts: [{ path: WEBHOOK_PATH, app: runner.webhookApp! }],
    },
    { logger: log.logger },
  ).app;
}

beforeEach(async () => {
  t = await createTestDb();
  emu = await BotEmulator.start();
  bloc = await createSmallBloc(t.db, { units: 2, year: 2026 });
  log.records.length = 0;
});
afterEach(async () => {
  expect(emu.violations).toEqual([]);
  expect(log.errors()).toEqual([]);
  await runner.stop('test end');
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
  await emu.close();
  await t.close();
});

/**
 * POSTs `body` to the webhook over a real socket, with a Content-Length or chunked (no length, in
 * 64 KB pieces), and gives the status. The server may answer and close before the body is all
 * written: write errors after the answer are expected.
 */
function rawPost(port: number, body: Buffer, headers: Record<string, string>, framing: 'length' | 'chunked') {
  return new Promise<number>((resolve, reject) => {
    let answered = false;
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        // A connection of its own: the server closes one whose refused body it did not read.
        agent: false,
        path: WEBHOOK_PATH,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(framing === 'length' ? { 'content-length': String(body.length) } : {}),
          ...headers,
        },
      },
      (res) => {
        answered = true;
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    if (framing === 'length') req.end(body);
    else {
      for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.subarray(i, i + 64 * 1024));
      req.end();
    }
  });
}

describe('webhook route', () => {
  beforeEach(() => start('https://thidua.example.vn/'));

  it('registers the webhook with its secret and the updates it wants, and reports its status', async () => {
    expect(runner.status()).toBe('webhook');
    expect(emu.callsOf('setWebhook').map((c) => c.params)).toEqual([
      {
        url: 'https://thidua.example.vn/telegram/webhook',
        secret_token: SECRET,
        allowed_updates: ['message', 'callback_query', 'my_chat_member'],
        drop_pending_updates: false,
      },
    ]);
    expect(emu.callsOf('getUpdates')).toEqual([]);
    expect(emu.callsOf('deleteWebhook')).toEqual([]);
    const health = await app.request('/healthz');
    expect(((await health.json()) as { bot: string }).bot).toBe('webhook');
  });

  it('refuses calls without the right secret header and processes nothing', async () => {
    const update = await emu
      .chat({ userId: 11 })
      .build({ text: '/trogiup', entities: [{ type: 'bot_command', offset: 0, length: 8 }] });
    const post = (headers: Record<string, string>, body = JSON.stringify(update)) =>
      app.request(WEBHOOK_PATH, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    expect((await post({})).status).toBe(401);
    expect((await post({ 'x-telegram-bot-api-secret-token': 'sai-bi-mat' })).status).toBe(401);
    expect((await post({ 'x-telegram-bot-api-secret-token': `${SECRET}x` })).status).toBe(401);
    expect((await post({ 'x-telegram-bot-api-secret-token': '' })).status).toBe(401);
    expect(emu.callsOf('sendMessage')).toEqual([]);
    expect(await t.db.selectFrom('bot_processed_update').selectAll().execute()).toEqual([]);
    expect((await post({ 'x-telegram-bot-api-secret-token': SECRET }, '{khong-phai-json')).status).toBe(400);
    expect((await post({ 'x-telegram-bot-api-secret-token': SECRET }, '{"message":{}}')).status).toBe(400);
    expect((await app.request(WEBHOOK_PATH, { method: 'GET' })).status).toBe(404);

    const ok = await post({ 'x-telegram-bot-api-secret-token': SECRET });
    expect(ok.status).toBe(200);
    expect(emu.messagesIn(11).map((m) => m.text)).toEqual([expect.stringContaining('Hướng dẫn sử dụng bot')]);
    // Telegram redelivers the same update: answered 200, processed once.
    expect((await post({ 'x-telegram-bot-api-secret-token': SECRET })).status).toBe(200);
    expect(emu.messagesIn(11)).toHaveLength(1);
  });

  it('refuses a body larger than any update with 413 and processes nothing, with or without Content-Length', async () => {
    server = serve({ fetch: (req) => app.fetch(req), hostname: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server!.once('listening', () => resolve()));
    const port = (server.address() as { port: number }).port;
    const chat = emu.chat({ userId: 12 });
    // A real update for /trogiup, padded past the cap: without it, it would be answered.
    const big = Buffer.from(
      JSON.stringify(
        await chat.build({
          text: `/trogiup ${'x'.repeat(MAX_UPDATE_BYTES)}`,
          entities: [{ type: 'bot_command', offset: 0, length: 8 }],
        }),
      ),
    );
    expect(big.length).toBeGreaterThan(MAX_UPDATE_BYTES);
    const secret = { 'x-telegram-bot-api-secret-token': SECRET };
    expect(await rawPost(port, big, secret, 'length')).toBe(413);
    expect(await rawPost(port, big, secret, 'chunked')).toBe(413);
    // Without the secret the answer is still 401, before the size is looked at.
    expect(await rawPost(port, big, {}, 'chunked')).toBe(401);
    expect(emu.callsOf('sendMessage')).toEqual([]);
    expect(await t.db.selectFrom('bot_processed_update').selectAll().execute()).toEqual([]);
    expect(log.records.filter((r) => r.msg === 'webhook update larger than the limit refused')).toHaveLength(2);

    // An ordinary update sent in chunks (no Content-Length) is read whole and answered.
    const small = Buffer.from(
      JSON.stringify(await chat.build({ text: '/trogiup', entities: [{ type: 'bot_command', offset: 0, length: 8 }] })),
    );
    expect(await rawPost(port, small, secret, 'chunked')).toBe(200);
    expect(emu.messagesIn(12).map((m) => m.text)).toEqual([expect.stringContaining('Hướng dẫn sử dụng bot')]);
  });

  it('compares secrets in constant time without accepting an empty one', () => {
    expect(secretMatches(SECRET, SECRET)).toBe(true);
    expect(secretMatches('', '')).toBe(false);
    expect(secretMatches(SECRET.slice(0, -1), SECRET)).toBe(false);
  });

  it('keeps the webhook registered when the server stops, so Telegram holds updates meanwhile', async () => {
    await runner.stop('SIGTERM');
    expect(runner.status()).toBe('off');
    expect(emu.callsOf('deleteWebhook')).toEqual([]);
    expect(emu.webhook?.url).toBe('https://thidua.example.vn/telegram/webhook');
  });
});

describe('webhook end to end', () => {
  it('takes onboarding and a report pushed by Telegram to the HTTP server, and ignores a redelivery', async () => {
    let fetchApp: Hono | undefined;
    server = serve({ fetch: (req) => fetchApp!.fetch(req), hostname: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server!.once('listening', () => resolve()));
    const port = (server.address() as { port: number }).port;
    await start(`http://127.0.0.1:${port}`);
    fetchApp = app;

    const invite = await createInvite(t.db, {
      kind: 'focal_point',
      focalPointId: bloc.focalPointIds[1]!,
      createdBy: 'test',
      now: clock.now(),
    });
    const chat = emu.chat({ userId: 77 });
    await chat.send(`/start ${invite.code}`);
    expect(chat.lastText()).toContain('Xin chào đồng chí Cán bộ 2!');
    expect((await getFocalPoint(t.db, bloc.focalPointIds[1]!))?.telegramUserId).toBe('77');
    await chat.send('/baocao');
    await chat.tap(/^Tuần 48/);
    const first = await chat.send('4');
    await emu.redeliver(first);
    await chat.send('6');
    await chat.tap('Bỏ qua');
    await chat.tap('Bỏ qua');
    await chat.tap('Bỏ qua');
    await chat.tap('Không có, tiếp tục');
    expect(chat.lastText()).toContain('• 1. Gương điển hình tiên tiến: 4 gương');
    expect(chat.lastText()).toContain('• 2. Mô hình, sáng kiến: 6 mô hình');
    await chat.tap('Gửi báo cáo');
    expect((await getReport(t.db, bloc.blocId, bloc.unitIds[1]!, '2026-W48'))?.revision).toBe(1);
    // A push that lost its secret on the way is refused.
    expect(await emu.push(await chat.build({ text: 'x' }), 'khong-dung')).toBe(401);
  });
});
