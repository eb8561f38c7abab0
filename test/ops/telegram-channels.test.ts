// The state of a channel to Telegram as its attempts come in, on a clock the test moves: failing from
// the first failed attempt, working again from the first answer, 429s counted but not failing, and
// late answers about attempts older than the last success ignored.
import { describe, expect, it } from 'vitest';
import { createTelegramChannels } from '../../src/observability/telegram-channels.js';
import { teeLogger } from '../helpers/logger.js';
import { EMULATOR_BOT_TOKEN } from '../helpers/secrets.js';

const T0 = new Date('2026-12-03T02:00:00.000Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);

function setUp() {
  let clock = T0;
  const lines: { level: number; msg: string; [k: string]: unknown }[] = [];
  const channels = createTelegramChannels({
    now: () => clock,
    logger: teeLogger('info', (l) => lines.push(JSON.parse(l))),
  });
  return { channels, lines, set: (s: number) => (clock = at(s)) };
}

describe('a channel to Telegram', () => {
  it('fails from the first failed attempt, counts each, and works again from the first answer, with one line each way', () => {
    const { channels, lines, set } = setUp();
    set(1);
    channels.failed('delivery', { reason: 'network', error: 'network: ECONNREFUSED', startedAt: at(0) });
    set(3);
    channels.failed('delivery', { reason: 'timeout', error: 'timeout: no answer', startedAt: at(2) });
    expect(channels.state('delivery')).toEqual({
      status: 'error',
      failingSince: at(1),
      reason: 'timeout',
      lastError: 'timeout: no answer',
      failuresSinceOk: 2,
    });
    expect(channels.state('bot').status).toBe('ok');
    set(65);
    channels.succeeded('delivery', at(64));
    expect(channels.state('delivery')).toMatchObject({ status: 'ok', failingSince: null, failuresSinceOk: 0 });
    expect(channels.failureCounts()).toEqual([
      { channel: 'delivery', reason: 'network', n: 1 },
      { channel: 'delivery', reason: 'timeout', n: 1 },
    ]);
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [40, 'telegram unreachable: delivery failing; retrying (one line when it recovers)'],
      [30, 'telegram reachable again: delivery recovered'],
    ]);
    expect(lines[1]).toMatchObject({ downSeconds: 64, failedAttempts: 2, failingSince: at(1).toISOString() });
  });

  it('counts a 429 without calling the channel failing', () => {
    const { channels, lines } = setUp();
    channels.failed('delivery', { reason: 'rate_limited', error: '429: Too Many Requests', startedAt: T0 });
    expect(channels.state('delivery').status).toBe('ok');
    expect(channels.failureCounts()).toEqual([{ channel: 'delivery', reason: 'rate_limited', n: 1 }]);
    expect(lines).toEqual([]);
  });

  it('ignores a failure of an attempt that began before the channel last worked', () => {
    const { channels, lines, set } = setUp();
    set(30);
    channels.succeeded('delivery', at(29));
    // A request sent at 10 s times out at 30 s, after another got its answer: nothing new.
    channels.failed('delivery', { reason: 'timeout', error: 'timeout: no answer', startedAt: at(10) });
    expect(channels.state('delivery').status).toBe('ok');
    expect(channels.failureCounts()).toEqual([{ channel: 'delivery', reason: 'timeout', n: 1 }]);
    // One that began after it does.
    channels.failed('delivery', { reason: 'timeout', error: 'timeout: no answer', startedAt: at(29.5) });
    expect(channels.state('delivery').status).toBe('error');
    expect(lines).toHaveLength(1);
  });

  it('keeps the error without the bot token an error message may carry (/readyz shows it)', () => {
    const { channels } = setUp();
    channels.failed('bot', {
      reason: 'network',
      error: `request to https://api.telegram.org/bot${EMULATOR_BOT_TOKEN}/getUpdates failed, reason: ETIMEDOUT`,
      startedAt: T0,
    });
    expect(channels.state('bot').lastError).toBe(
      'request to https://api.telegram.org/bot[redacted]/getUpdates failed, reason: ETIMEDOUT',
    );
  });
});
