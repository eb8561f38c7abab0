import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZALO_EMULATOR_TOKEN, ZaloEmulator } from '../../helpers/zalo-emulator.js';

// The emulator keeps to docs/zalo.md: these tests pin the facts the channel is written against.

let emu: ZaloEmulator;
beforeEach(async () => {
  emu = await ZaloEmulator.start({ now: () => 1_764_000_000_000 });
  emu.longPollCapMs = 100;
});
afterEach(async () => {
  await emu.close();
});

async function call(method: string, body: Record<string, unknown> = {}, token = ZALO_EMULATOR_TOKEN) {
  const res = await fetch(`${emu.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

describe('Zalo Bot Platform emulator', () => {
  it('answers getMe for a basic bot, and 401 for another token', async () => {
    expect((await call('getMe')).body).toEqual({
      ok: true,
      result: { id: '2340000001', account_name: 'khoithidua_bot', account_type: 'BASIC', can_join_groups: false },
    });
    expect(await call('getMe', {}, '1:wrong')).toEqual({
      status: 401,
      body: { ok: false, error_code: 401, description: 'Unauthorized' },
    });
  });

  it('hands over one update per getUpdates, as an object with string ids and a date in ms, then 408', async () => {
    await emu.userSends('u1', { text: 'xin chào', name: 'Nguyễn Văn A' });
    await emu.userSends('u1', { text: 'lần hai' });
    const first = await call('getUpdates', { timeout: 30 });
    expect(first.body).toEqual({
      ok: true,
      result: {
        event_name: 'message.text.received',
        message: {
          message_id: 'm1',
          date: 1_764_000_000_000,
          chat: { id: 'u1', chat_type: 'PRIVATE' },
          from: { id: 'u1', display_name: 'Nguyễn Văn A', is_bot: false },
          text: 'xin chào',
        },
      },
    });
    expect((await call('getUpdates')).body.result.message.text).toBe('lần hai');
    expect(await call('getUpdates', { timeout: 1 })).toEqual({
      status: 408,
      body: { ok: false, error_code: 408, description: 'Request timeout' },
    });
  });

  it('wakes a waiting long poll when a message arrives', async () => {
    emu.longPollCapMs = 5000;
    const poll = call('getUpdates', { timeout: 30 });
    await new Promise((r) => setTimeout(r, 50));
    await emu.userSends('u2', { photo: emu.addFile('a.jpg', Buffer.from('jpg')), caption: 'ảnh' });
    const got = await poll;
    expect(got.body.result).toMatchObject({
      event_name: 'message.image.received',
      message: { photo: `${emu.apiRoot}/files/a.jpg`, caption: 'ảnh' },
    });
    const bytes = Buffer.from(await (await fetch(got.body.result.message.photo)).arrayBuffer());
    expect(bytes.toString()).toBe('jpg');
  });

  it('sends 1–2,000 characters to a chat that wrote, refuses the rest and counts it a violation', async () => {
    await emu.userSends('u1', { text: 'hi' });
    const ok = await call('sendMessage', { chat_id: 'u1', text: 'a'.repeat(2000) });
    expect(ok.body).toMatchObject({ ok: true, result: { message_id: expect.any(String), date: 1_764_000_000_000 } });
    expect((await call('sendMessage', { chat_id: 'u1', text: 'a'.repeat(2001) })).status).toBe(400);
    expect((await call('sendMessage', { chat_id: 'u1', text: '' })).status).toBe(400);
    expect(emu.violations).toHaveLength(2);
    expect((await call('sendMessage', { chat_id: 'nobody', text: 'x' })).body).toMatchObject({
      error_code: 400,
      description: 'Bad Request: chat not found',
    });
    const photo = await call('sendPhoto', { chat_id: 'u1', photo: 'https://example.vn/a.jpg', caption: 'c' });
    expect(photo.body.ok).toBe(true);
    expect(emu.sentTo('u1').map((s) => s.method)).toEqual(['sendMessage', 'sendPhoto']);
  });

  it('answers 403 to a person who blocked the bot, and injected errors in order', async () => {
    await emu.userSends('u1', { text: 'hi' });
    emu.block('u1');
    expect((await call('sendMessage', { chat_id: 'u1', text: 'x' })).body).toMatchObject({ error_code: 403 });
    emu.failNext('getMe', { error_code: 500, description: 'Internal Server Error' });
    expect((await call('getMe')).status).toBe(500);
    expect((await call('getMe')).status).toBe(200);
  });

  describe('webhook', () => {
    let server: Server;
    const received: { secret: string | undefined; body: any }[] = [];
    let answer = 200;
    beforeEach(async () => {
      received.length = 0;
      server = createServer((req, res) => {
        let raw = '';
        req.on('data', (d) => {
          raw += d;
        });
        req.on('end', () => {
          received.push({ secret: req.headers['x-bot-api-secret-token'] as string, body: JSON.parse(raw) });
          res.writeHead(answer).end();
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      emu.webhookTarget = `http://127.0.0.1:${(server.address() as AddressInfo).port}/zalo/webhook`;
    });
    afterEach(async () => {
      await new Promise((r) => server.close(r));
    });

    it('posts each update with the secret, sends it again until answered 200, and stops getUpdates', async () => {
      expect((await call('setWebhook', { url: 'http://x', secret_token: 'secret-123' })).status).toBe(400);
      expect(
        (await call('setWebhook', { url: 'https://ktd.example.vn/zalo/webhook', secret_token: 'short' })).status,
      ).toBe(400);
      emu.violations.length = 0;
      const set = await call('setWebhook', { url: 'https://ktd.example.vn/zalo/webhook', secret_token: 'secret-123' });
      expect(set.body.result.url).toBe('https://ktd.example.vn/zalo/webhook');
      expect((await call('getWebhookInfo')).body.result.url).toBe('https://ktd.example.vn/zalo/webhook');
      expect((await call('getUpdates')).status).toBe(409);

      await emu.userSends('u1', { text: 'một' });
      expect(received).toEqual([
        { secret: 'secret-123', body: expect.objectContaining({ message: expect.anything() }) },
      ]);
      answer = 500;
      await emu.userSends('u1', { text: 'hai' });
      expect(received).toHaveLength(4);
      expect(new Set(received.slice(1).map((r) => r.body.message.message_id)).size).toBe(1);

      await call('deleteWebhook');
      expect((await call('getWebhookInfo')).body.result.url).toBe('');
      await emu.userSends('u1', { text: 'ba' });
      expect((await call('getUpdates')).body.result.message.text).toBe('ba');
    });
  });
});
