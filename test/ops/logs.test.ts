// Structured logs: secrets never written (by field name or by pattern, including the bot token
// inside the Bot API URL of a real telegraf error), a request id per HTTP request, the update id
// per Telegram update, and routes logged by pattern.
import { createServer } from 'node:net';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { startBot } from '../../src/bot/telegram/runner.js';
import { issuePersonalLink } from '../../src/db/personal-links.js';
import { findSecretPatterns, scrubSecrets } from '../../src/core/secret-patterns.js';
import { createLogger } from '../../src/logger.js';
import { createWebReportApp } from '../../src/web-report/app.js';
import { startHarness, type Harness } from '../bot/harness.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { buildHttpApp } from '../helpers/http-app.js';
import { teeLogger } from '../helpers/logger.js';
import { EMULATOR_BOT_TOKEN, TEST_ADMIN_PASSWORD } from '../helpers/secrets.js';

const NOW = new Date('2026-11-25T03:00:00.000Z');
const TOKEN = '123456789:AAEhBP0av18kvU-o_Yy0ZyZ6XsdbJKSmQ3k';
const PERSONAL = 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c';

/** The real logger writing to the suite's log file and to a list of parsed lines. */
function capture(level = 'debug') {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const logger = teeLogger(level, (chunk) => {
    raw.push(chunk);
    for (const l of chunk.split('\n')) if (l.trim()) lines.push(JSON.parse(l));
  });
  return { logger, lines, text: () => raw.join('') };
}

let t: TestDb | undefined;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  await t?.close();
  t = undefined;
});

describe('secret patterns', () => {
  it('finds and replaces bot tokens, personal links, session cookies and bearer credentials', () => {
    const text = `GET https://api.telegram.org/bot${TOKEN}/getMe /r/${PERSONAL}?x=1 cookie: ktd_session=abcDEF123_-xyz; Authorization: Bearer s3cr3t-value-123`;
    expect(findSecretPatterns(text).sort()).toEqual([
      'authorization',
      'personal_link',
      'session_cookie',
      'telegram_bot_token',
    ]);
    const clean = scrubSecrets(text);
    expect(clean).toBe(
      'GET https://api.telegram.org/bot[redacted]/getMe /r/[redacted]?x=1 cookie: ktd_session=[redacted]; Authorization: [redacted]',
    );
    expect(findSecretPatterns(clean)).toEqual([]);
  });

  it('leaves ordinary text alone: times, ids, chat ids and route patterns', () => {
    const text =
      '2026-11-25T03:00:00.000Z chat -1001234567890 update 5234 route /r/:token /units/12 slot 2026-11-24T15:00';
    expect(findSecretPatterns(text)).toEqual([]);
    expect(scrubSecrets(text)).toBe(text);
  });
});

describe('the logger', () => {
  it('writes no token from an error whose message carries the Bot API URL', () => {
    const log = capture();
    const error = new Error(
      `request to https://api.telegram.org/bot${TOKEN}/sendMessage failed, reason: connect ECONNREFUSED`,
    );
    log.logger.error({ err: error, url: `https://api.telegram.org/bot${TOKEN}/getMe` }, `call to bot${TOKEN} failed`);
    expect(log.text()).not.toContain(TOKEN);
    expect(log.text()).not.toContain('AAEhBP0av18kvU');
    const [line] = log.lines;
    expect((line!.err as { message: string }).message).toBe(
      'request to https://api.telegram.org/bot[redacted]/sendMessage failed, reason: connect ECONNREFUSED',
    );
    expect((line!.err as { stack: string }).stack).toContain('bot[redacted]/sendMessage');
    expect(line!.msg).toBe('call to bot[redacted] failed');
  });

  it('redacts secret fields by name, at the top level and nested', () => {
    const log = capture();
    log.logger.info(
      {
        password: TEST_ADMIN_PASSWORD,
        user: { username: 'bantdkt', password: TEST_ADMIN_PASSWORD },
        headers: { authorization: 'Basic YWRtaW46cGFzcw==', cookie: 'ktd_login=1', 'set-cookie': 'ktd_session=x' },
        token: 'opaque',
        req: { headers: { 'x-telegram-bot-api-secret-token': 'webhook-secret-value' } },
      },
      'login attempt',
    );
    const [line] = log.lines as [Record<string, any>];
    expect(line.password).toBe('[redacted]');
    expect(line.user).toEqual({ username: 'bantdkt', password: '[redacted]' });
    expect(line.headers).toEqual({ authorization: '[redacted]', cookie: '[redacted]', 'set-cookie': '[redacted]' });
    expect(line.token).toBe('[redacted]');
    expect(line.req.headers['x-telegram-bot-api-secret-token']).toBe('[redacted]');
    expect(log.text()).not.toContain(TEST_ADMIN_PASSWORD);
    expect(log.text()).not.toContain('webhook-secret-value');
  });

  it('honours the level setting', () => {
    const log = capture('warn');
    log.logger.info('not written');
    log.logger.warn('written');
    expect(log.lines.map((l) => l.msg)).toEqual(['written']);
    expect(log.lines[0]).toMatchObject({ level: 40, time: expect.any(String) });
    expect(() => createLogger('loud')).toThrow();
  });

  it('writes no token when the real bot cannot reach the Bot API', async () => {
    t = await createTestDb();
    const closedPort = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const port = (srv.address() as { port: number }).port;
        srv.close(() => resolve(port));
      });
    });
    const log = capture();
    const runner = await startBot({
      db: t.db,
      token: EMULATOR_BOT_TOKEN,
      apiRoot: `http://127.0.0.1:${closedPort}`,
      mode: 'polling',
      forceIpv4: false,
      timeZone: 'Asia/Ho_Chi_Minh',
      now: () => NOW,
      logger: log.logger,
      retryDelaysMs: [60_000],
    });
    await runner.stop('test end');
    const failure = log.lines.find((l) => l.msg === 'Telegram unreachable or refused the bot; retrying');
    expect(failure).toBeDefined();
    // The error names the URL it called (which holds the token): the log keeps the URL, not the token.
    expect(JSON.stringify(failure)).toMatch(new RegExp(`127\\.0\\.0\\.1:${closedPort}/bot[^/]*/getMe`));
    expect(log.text()).not.toContain(EMULATOR_BOT_TOKEN);
    expect(log.text()).not.toContain(EMULATOR_BOT_TOKEN.split(':')[1]);
  });
});

describe('HTTP request logs', () => {
  function app() {
    const pages = new Hono();
    pages.get('/r/:token', (c) => c.text('báo cáo'));
    pages.get('/units/:unitId', (c) => {
      (c.get('logger' as never) as ReturnType<typeof createLogger>).info(
        { unitId: c.req.param('unitId') },
        'unit page',
      );
      return c.text('đơn vị');
    });
    pages.get('/boom', () => {
      throw new Error('hỏng');
    });
    return pages;
  }

  it('gives each request an id, echoed in X-Request-Id and on every line logged for it', async () => {
    t = await createTestDb();
    const log = capture();
    const http = buildHttpApp(
      { db: t.db, now: () => NOW, botStatus: () => 'off', mounts: [{ path: '/', app: app() }] },
      { logger: log.logger },
    ).app;
    const res = await http.request('/units/12');
    const id = res.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const forRequest = log.lines.filter((l) => l.request_id === id);
    expect(forRequest.map((l) => l.msg)).toEqual(['unit page', 'http request']);
    expect(forRequest[1]).toMatchObject({
      level: 30,
      method: 'GET',
      route: '/units/:unitId',
      status: 200,
      ms: expect.any(Number),
    });
    // Another request, another id.
    const again = await http.request('/units/12');
    expect(again.headers.get('x-request-id')).not.toBe(id);
  });

  it("keeps a sane incoming X-Request-Id (a proxy's) and replaces an unsafe one", async () => {
    t = await createTestDb();
    const log = capture();
    const http = buildHttpApp(
      { db: t.db, now: () => NOW, botStatus: () => 'off', mounts: [{ path: '/', app: app() }] },
      { logger: log.logger },
    ).app;
    const kept = await http.request('/units/1', { headers: { 'x-request-id': 'nginx-5f3a9c1e77' } });
    expect(kept.headers.get('x-request-id')).toBe('nginx-5f3a9c1e77');
    const unsafe = await http.request('/units/1', { headers: { 'x-request-id': 'a","level":60,"msg":"forged' } });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(log.text()).not.toContain('forged');
    const long = await http.request('/units/1', { headers: { 'x-request-id': 'x'.repeat(65) } });
    expect(long.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs the route pattern, never a personal token or a query string', async () => {
    t = await createTestDb();
    const log = capture();
    const http = buildHttpApp(
      { db: t.db, now: () => NOW, botStatus: () => 'off', mounts: [{ path: '/', app: app() }] },
      { logger: log.logger },
    ).app;
    await http.request(`/r/${PERSONAL}?ref=zalo`);
    await http.request('/units/7?token=abc-query-secret');
    await http.request('/boom');
    await http.request('/healthz');
    const access = log.lines.filter((l) => l.msg === 'http request' || l.msg === 'http request failed');
    expect(access.map((l) => [l.route, l.status, l.level])).toEqual([
      ['/r/:token', 200, 30],
      ['/units/:unitId', 200, 30],
      ['/boom', 500, 40], // after the error line, logged with the same request id
      ['/healthz', 200, 20], // probes at debug
    ]);
    expect(log.text()).not.toContain(PERSONAL);
    expect(log.text()).not.toContain('abc-query-secret');
    const error = log.lines.find((l) => l.msg === 'http request error')!;
    expect(error).toMatchObject({ level: 50, err: { message: 'hỏng' } });
    expect(error.request_id).toBe(access[2]!.request_id);
  });
});

describe('HTTP request logs of the personal web form', () => {
  it('name the /r routes by pattern for every answer of the real form app, and never hold the token', async () => {
    t = await createTestDb();
    const bloc = await createSmallBloc(t.db, { units: 1, year: 2026 });
    const secret = 'web-report-log-test-secret-0123456789abcdef';
    const { token } = await issuePersonalLink(t.db, {
      focalPointId: bloc.focalPointIds[0]!,
      secret,
      by: 'test',
      now: NOW,
    });
    const log = capture();
    const form = createWebReportApp({
      db: t.db,
      now: () => NOW,
      timeZone: 'Asia/Ho_Chi_Minh',
      linkSecret: secret,
      logger: log.logger,
    });
    const { app, deps } = buildHttpApp(
      { db: t.db, now: () => NOW, botStatus: () => 'off', mounts: [{ path: '/r', app: form }] },
      { logger: log.logger },
    );
    const wrong = `${token.slice(0, 42)}${token.endsWith('A') ? 'B' : 'A'}`;
    const answers = [
      (await app.request(`/r/${token}`)).status,
      (await app.request(`/r/${token}/receipt?period=2026-W48&revision=1`)).status,
      (await app.request(`/r/${token}/send`, { method: 'POST', body: new FormData() })).status,
      (await app.request(`/r/${wrong}`)).status,
      (await app.request(`/r/${token}/khong-co`)).status,
    ];
    expect(answers).toEqual([200, 303, 403, 404, 404]);
    const routes = log.lines.filter((l) => l.msg === 'http request').map((l) => l.route);
    // The form, the receipt, a refused post, a wrong token (refused by the link guard), a path the form does not have.
    expect(routes).toEqual(['/r/:token', '/r/:token/receipt', '/r/:token/send', '/r/:token', 'unmatched']);
    expect(log.text()).not.toContain(token);
    expect(log.text()).not.toContain(wrong);
    const metrics = (await deps.metrics.render()).body;
    expect(metrics).toContain('route="/r/:token"');
    expect(metrics).not.toContain(token.slice(0, 20));
  });
});

describe('Telegram update logs', () => {
  it('logs each update once with its update_id', async () => {
    h = await startHarness();
    const chat = await h.linkedChat(0);
    await chat.send('/trogiup');
    const updates = h.log.records.filter((r) => r.msg === 'telegram update');
    expect(updates.length).toBeGreaterThanOrEqual(2);
    for (const u of updates)
      expect(u).toMatchObject({ update_id: expect.any(Number), type: 'message', chatType: 'private', failed: false });
    expect(new Set(updates.map((u) => u.update_id)).size).toBe(updates.length);
    expect(JSON.stringify(h.log.records)).not.toContain(h.emu.token);
  });

  it('logs a failed update with its update_id on the error line and on its update line', async () => {
    h = await startHarness();
    const chat = await h.linkedChat(0);
    await sql`alter table bot_conversation rename to bot_conversation_moved`.execute(h.t.db);
    await chat.send('/baocao');
    await sql`alter table bot_conversation_moved rename to bot_conversation`.execute(h.t.db);
    const error = h.log.records.find((r) => r.msg === 'bot update failed');
    const lines = h.log.records.filter((r) => r.msg === 'telegram update' && r.update_id === error?.update_id);
    expect(error).toMatchObject({ level: 50, update_id: expect.any(Number) });
    expect(lines).toEqual([expect.objectContaining({ type: 'message', failed: true })]);
  });
});
