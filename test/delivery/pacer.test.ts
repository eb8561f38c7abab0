import { describe, expect, it } from 'vitest';
import { resolveLimits } from '../../src/delivery/limits.js';
import { DeliveryPacer, SlidingWindow } from '../../src/delivery/pacer.js';

describe('sliding window', () => {
  it('allows `limit` events per window and says how long to wait for the next', () => {
    const w = new SlidingWindow(3, 1000);
    expect(w.waitMs(0)).toBe(0);
    w.record(0);
    w.record(100);
    w.record(200);
    expect(w.waitMs(300)).toBe(700);
    expect(w.waitMs(1000)).toBe(0);
    expect(w.idle(1000)).toBe(false);
    expect(w.idle(1200)).toBe(true);
  });
});

const limits = { perSecond: 30, marginMs: 30 };
// Telegram's windows: one a second to a person, 20 a minute to a group.
const person = { count: 1, windowMs: 1000 };
const group = { count: 20, windowMs: 60_000 };

describe('delivery pacer', () => {
  it('spreads sends: at most 30 in any 1.03 s, never two closer than half the average gap', () => {
    const p = new DeliveryPacer(limits);
    let t = 0;
    const sends: number[] = [];
    for (let i = 0; i < 90; i++) {
      t += p.globalWaitMs(t);
      p.record(`chat${i}`, person, t);
      sends.push(t);
    }
    for (let i = 30; i < sends.length; i++) expect(sends[i]! - sends[i - 30]!).toBeGreaterThanOrEqual(1030 - 1e-6);
    for (let i = 1; i < sends.length; i++)
      expect(sends[i]! - sends[i - 1]!).toBeGreaterThanOrEqual(1030 / 30 / 2 - 1e-9);
    // Long-run rate: 30 per 1.03 s, 97 % of the limit.
    expect(89 / ((sends[89]! - sends[0]!) / 1000)).toBeGreaterThan(28.5);
  });

  it('holds a private chat for a second and a group after 20 messages a minute', () => {
    const p = new DeliveryPacer(limits);
    p.record('42', person, 0);
    expect(p.chatWaitMs('42', 10)).toBe(1020);
    expect(p.chatWaitMs('43', 10)).toBe(0);
    for (let i = 0; i < 20; i++) p.record('-100', group, i * 100);
    expect(p.chatWaitMs('-100', 2000)).toBe(60_030 - 2000);
    expect(p.coolingChats(2000).sort()).toEqual(['-100']);
  });

  it('after a 429 pauses the chat and every send for retry_after', () => {
    const p = new DeliveryPacer(limits);
    p.pause('42', 5000, 100);
    expect(p.globalWaitMs(100)).toBe(5000);
    expect(p.chatWaitMs('42', 1100)).toBe(4000);
    expect(p.coolingChats(1100)).toEqual(['42']);
    expect(p.coolingChats(5100)).toEqual([]);
  });
});

describe('delivery limits', () => {
  it('default to Telegram’s published limits and refuse values that cannot work', () => {
    expect(resolveLimits()).toMatchObject({ perSecond: 30, perGroupPerMinute: 20, maxInFlight: 10 });
    expect(resolveLimits({ perSecond: 500, maxInFlight: undefined })).toMatchObject({
      perSecond: 500,
      maxInFlight: 10,
    });
    expect(() => resolveLimits({ perSecond: 0 })).toThrow('Tốc độ gửi');
    expect(() => resolveLimits({ maxInFlight: Number.NaN })).toThrow(
      'Giới hạn gửi tin "maxInFlight" không hợp lệ: NaN.',
    );
  });
});
