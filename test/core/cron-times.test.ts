import { describe, expect, it } from 'vitest';
import { cronFireTimes, localMinuteSlot, parseCron } from '../../src/core/cron-times.js';
import { zonedInstant } from '../../src/core/time.js';

const TZ = 'Asia/Ho_Chi_Minh';
const at = (date: string, time: string) => zonedInstant(date, time, TZ);

const fires = (exprs: string[], from: Date, to: Date, tz = TZ) =>
  cronFireTimes(exprs, from, to, tz).map((d) => localMinuteSlot(d, tz));

describe('cron fire times', () => {
  it('lists the local fire times in (from, to], oldest first', () => {
    expect(fires(['0 8 * * *'], at('2026-11-30', '08:00'), at('2026-12-02', '08:00'))).toEqual([
      '2026-12-01T08:00',
      '2026-12-02T08:00',
    ]);
    expect(fires(['*/30 7-8 * * 1-5'], at('2026-12-04', '00:00'), at('2026-12-07', '08:00'))).toEqual([
      '2026-12-04T07:00',
      '2026-12-04T07:30',
      '2026-12-04T08:00',
      '2026-12-04T08:30',
      '2026-12-07T07:00',
      '2026-12-07T07:30',
      '2026-12-07T08:00',
    ]);
  });

  it('merges several expressions without duplicates', () => {
    expect(
      fires(['0 8 * * *', '0 8,15 * * *', '30 7 * * *'], at('2026-12-01', '00:00'), at('2026-12-01', '23:59')),
    ).toEqual(['2026-12-01T07:30', '2026-12-01T08:00', '2026-12-01T15:00']);
  });

  it('understands the last day of the month and the n-th weekday', () => {
    expect(fires(['0 9 L * *'], at('2026-02-01', '00:00'), at('2026-03-31', '23:59'))).toEqual([
      '2026-02-28T09:00',
      '2026-03-31T09:00',
    ]);
    expect(fires(['0 9 * * 1#1'], at('2026-11-01', '00:00'), at('2026-12-31', '23:59'))).toEqual([
      '2026-11-02T09:00',
      '2026-12-07T09:00',
    ]);
    expect(fires(['0 9 * * 5L'], at('2026-12-01', '00:00'), at('2026-12-31', '23:59'))).toEqual(['2026-12-25T09:00']);
  });

  it('follows the zone: a wall time skipped by a clock change fires once, after the gap', () => {
    const paris = 'Europe/Paris';
    const from = new Date('2026-03-28T12:00:00Z');
    const to = new Date('2026-03-30T12:00:00Z');
    expect(fires(['30 2 * * *'], from, to, paris)).toEqual(['2026-03-29T03:30', '2026-03-30T02:30']);
  });

  it('refuses an invalid expression, or one firing every second, in Vietnamese', () => {
    expect(() => parseCron('61 8 * * *')).toThrow(/^Biểu thức lịch chạy không hợp lệ "61 8 \* \* \*"/);
    expect(() => parseCron('* * * * * *')).toThrow(/chạy nhiều lần trong một phút/);
    expect(cronFireTimes([], at('2026-12-01', '00:00'), at('2026-12-02', '00:00'), TZ)).toEqual([]);
  });
});
