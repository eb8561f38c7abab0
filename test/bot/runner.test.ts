import { freePort } from '../helpers/ports.js';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { type BotRunner, startBot } from '../../src/bot/telegram/runner.js';
import { telegramAgent } from '../../src/bot/telegram/telegram-agent.js';
import { BotEmulator } from '../helpers/bot-emulator.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { captureLogger, Clock, TUESDAY_W48, TZ } from './harness.js';

let t: TestDb;
let runner: BotRunner | undefined;
let emu: BotEmulator | undefined;
const clock = new Clock(new Date(TUESDAY_W48));

beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await runner?.stop('test end');
  await emu?.close();
  runner = undefined;
  emu = undefined;
  await t.close();
});

const deps = (apiRoot: string, token: string, logger = captureLogger().logger) => ({
  db: t.db,
  token,
  apiRoot,
  mode: 'polling' as const,
  forceIpv4: false,
  timeZone: TZ,
  now: clock.now,
  logger,
});

it('starts long polling: command menu in Vietnamese, webhook removed, getUpdates with a timeout; stops cleanly', async () => {
  emu = await BotEmulator.start();
  runner = await startBot(deps(emu.apiRoot.replace(/\/$/, ''), emu.token));
  expect(runner.status()).toBe('polling');
  expect(runner.botUsername).toBe('khoithidua_test_bot');
  expect(emu.commands.get('default')).toEqual([
    { command: 'baocao', description: 'Gửi hoặc sửa báo cáo tiến độ kỳ này' },
    { command: 'trangthai', description: 'Xem tình hình báo cáo và kết quả so với chỉ tiêu' },
    { command: 'huy', description: 'Hủy báo cáo đang soạn dở' },
    { command: 'trogiup', description: 'Hướng dẫn sử dụng bot' },
  ]);
  expect(emu.commands.get('all_group_chats')).toEqual([
    { command: 'trogiup', description: 'Hướng dẫn sử dụng bot của Khối thi đua' },
  ]);
  expect(emu.callsOf('deleteWebhook')[0]).toEqual({ method: 'deleteWebhook', params: { drop_pending_updates: false } });
  await vi.waitFor(() => expect(emu!.callsOf('getUpdates').length).toBeGreaterThan(0));
  expect(emu.callsOf('getUpdates')[0]!.params).toMatchObject({
    timeout: 10, // connection-watch.ts: a long poll of 10 s, so a dead connection shows within 30 s
    allowed_updates: ['message', 'callback_query', 'my_chat_member'],
  });
  expect(emu.violations).toEqual([]);
  await runner.stop('SIGINT');
  expect(runner.status()).toBe('off');
});

it('stops even when asked before polling has begun', async () => {
  emu = await BotEmulator.start();
  runner = await startBot(deps(emu.apiRoot, emu.token));
  await runner.stop('SIGTERM');
  expect(runner.status()).toBe('off');
  const calls = emu.calls.length;
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(emu.calls.length).toBe(calls);
});

it('keeps trying while Telegram is unreachable and connects once it answers', async () => {
  const port = await freePort();
  const log = captureLogger();
  const token = '7000000001:AAtokentokentokentokentoken';
  runner = await startBot({ ...deps(`http://127.0.0.1:${port}`, token, log.logger), retryDelaysMs: [20, 50] });
  expect(runner.status()).toBe('error');
  expect(log.errors()[0]?.msg).toBe('Telegram unreachable or refused the bot; retrying');
  expect(runner.botUsername).toBeUndefined();
  emu = await BotEmulator.start({ port, token });
  await vi.waitFor(() => expect(runner!.status()).toBe('polling'), { timeout: 5_000 });
  expect(runner.botUsername).toBe('khoithidua_test_bot');
});

it('reports an error status when Telegram refuses the token', async () => {
  emu = await BotEmulator.start();
  const log = captureLogger();
  runner = await startBot({
    ...deps(emu.apiRoot, '123:wrongwrongwrongwrongwrong', log.logger),
    retryDelaysMs: [60_000],
  });
  expect(runner.status()).toBe('error');
  expect(log.errors()).toHaveLength(1);
});

it('refuses webhook mode without a public URL and a secret', async () => {
  await expect(startBot({ ...deps('http://127.0.0.1:1', '1:x'), mode: 'webhook' })).rejects.toThrow(
    'webhook mode needs publicUrl and webhookSecret',
  );
});

it('uses an IPv4-only keep-alive agent when asked', () => {
  const agent = telegramAgent(true)!;
  expect(agent.options).toMatchObject({ family: 4, keepAlive: true });
  expect(telegramAgent(false)).toBeUndefined();
});
