import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramDeliveryChannel } from '../../src/bot/telegram/telegram-delivery.js';
import type { Channel } from '../../src/delivery/channel.js';
import { resolveLimits } from '../../src/delivery/limits.js';
import { createTelegramChannels } from '../../src/observability/telegram-channels.js';
import { FakeBotApi } from '../helpers/fake-bot-api.js';
import { testLogger } from '../helpers/logger.js';

// The Telegram channel as the worker sees it: its pace by address, and each Bot API answer in the
// interface's terms (decision 0090's table), against the Bot API emulator.

let api: FakeBotApi | undefined;
let channel: Channel | undefined;
afterEach(async () => {
  channel?.close?.();
  await api?.close();
  [api, channel] = [undefined, undefined];
});

async function setUp() {
  api = await FakeBotApi.start({ perSecond: 300 });
  const watch = createTelegramChannels({ now: () => new Date(), logger: testLogger() });
  channel = createTelegramDeliveryChannel({
    token: api.token,
    apiRoot: api.apiRoot,
    limits: resolveLimits({ requestTimeoutMs: 500, perGroupPerMinute: 20 }),
    now: () => new Date(),
    watch,
  });
  return { api, channel, watch };
}

describe('the Telegram channel', () => {
  it('paces a person at one message a second and a group (negative id) at 20 a minute', async () => {
    const { channel } = await setUp();
    expect(channel.limits.addressWindow('5001')).toEqual({ count: 1, windowMs: 1000 });
    expect(channel.limits.addressWindow('-1001234')).toEqual({ count: 20, windowMs: 60_000 });
  });

  it('maps the answers: sent, blocked by the person, permanent, moved, rate limited, retry later', async () => {
    const { api, channel, watch } = await setUp();
    const part = { text: 'Tin thử' };
    expect(await channel.send('5001', part)).toMatchObject({ type: 'sent' });
    api.blockBot('5002');
    expect(await channel.send('5002', part)).toMatchObject({ type: 'blockedByPerson', reason: 'blocked' });
    api.neverStarted('5003');
    expect(await channel.send('5003', part)).toMatchObject({ type: 'blockedByPerson', reason: 'not_started' });
    api.unknownChat('5004');
    expect(await channel.send('5004', part)).toMatchObject({ type: 'permanent', reason: 'chat_not_found' });
    api.migrateGroup('-100', '-1009');
    expect(await channel.send('-100', part)).toMatchObject({ type: 'moved', address: '-1009' });
    api.rateLimitNext('5005', 3);
    expect(await channel.send('5005', part)).toMatchObject({ type: 'rateLimited', retryAfterMs: 3000 });
    expect(channel.failing?.()).toBe(false);

    // A 502 makes the channel fail as a whole; the next answer says it recovered.
    api.failNext('5006', { kind: 'status', status: 502, description: 'Bad Gateway' });
    expect(await channel.send('5006', part)).toMatchObject({ type: 'retryLater' });
    expect(channel.failing?.()).toBe(true);
    expect(watch.state('delivery').status).toBe('error');
    expect(await channel.send('5006', part)).toMatchObject({ type: 'sent', recovered: true });
    expect(channel.failing?.()).toBe(false);
  });

  it('renders a neutral message as Telegram text with the actions as buttons', async () => {
    const { channel } = await setUp();
    const parts = channel.render(
      {
        topic: 'reminder',
        title: '[Khối thi đua số 6]',
        blocks: [{ kind: 'paragraph', text: 'Kính gửi đồng chí,\nĐề nghị gửi báo cáo.' }],
        actions: [{ kind: 'sendReport', periodKey: '2026-W48' }],
      },
      {},
    );
    expect(parts).toEqual([
      {
        text: '[Khối thi đua số 6]\nKính gửi đồng chí,\nĐề nghị gửi báo cáo.',
        reply_markup: { inline_keyboard: [[{ text: '📝 Gửi báo cáo', callback_data: 'remind:report:2026-W48' }]] },
      },
    ]);
  });
});
