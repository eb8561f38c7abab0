import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DIGEST_SCHEDULE,
  digestCron,
  digestPeriodForSlot,
  latestDigestSlot,
  latestSummarySlot,
  parseDigestSchedule,
  summaryCrons,
} from '../../src/core/digest-schedule.js';

const TZ = 'Asia/Ho_Chi_Minh';
const d = DEFAULT_DIGEST_SCHEDULE;

describe('digest slots', () => {
  it('finds the latest Monday 08:00 at or before now', () => {
    expect(latestDigestSlot(d, new Date('2026-11-23T01:00:00Z'), TZ)).toEqual({
      date: '2026-11-23',
      at: new Date('2026-11-23T01:00:00Z'),
    });
    expect(latestDigestSlot(d, new Date('2026-11-23T00:59:59Z'), TZ).date).toBe('2026-11-16');
    expect(latestDigestSlot(d, new Date('2026-11-29T16:59:00Z'), TZ).date).toBe('2026-11-23'); // Sunday 23:59
  });

  it('covers the period completed before the slot’s own period', () => {
    expect(digestPeriodForSlot('week', '2026-11-23').key).toBe('2026-W47');
    expect(digestPeriodForSlot('week', '2026-01-05').key).toBe('2026-W01'); // 29/12/2025–04/01/2026
    expect(digestPeriodForSlot('week', '2025-12-29').key).toBe('2025-W52');
    expect(digestPeriodForSlot('month', '2026-12-07').key).toBe('2026-11');
  });

  it('writes the schedules as cron expressions', () => {
    expect(digestCron(d)).toBe('0 8 * * 1');
    expect(digestCron({ digestWeekday: 7, digestTime: '17:30' })).toBe('30 17 * * 0');
    expect(summaryCrons(d)).toEqual(['0 8 5 7 *', '0 8 5 12 *']);
  });
});

describe('summary slots', () => {
  it('is the latest mid-year or annual date passed, within 30 days', () => {
    expect(latestSummarySlot(d, new Date('2026-07-05T01:00:00Z'), TZ)).toMatchObject({ kind: 'mid_year', year: 2026 });
    expect(latestSummarySlot(d, new Date('2026-07-05T00:59:00Z'), TZ)).toBe(null);
    expect(latestSummarySlot(d, new Date('2027-01-03T00:00:00Z'), TZ)).toMatchObject({ kind: 'annual', year: 2026 });
    expect(latestSummarySlot(d, new Date('2026-09-01T00:00:00Z'), TZ)).toBe(null);
    expect(latestSummarySlot(d, new Date('2026-09-01T00:00:00Z'), TZ, Number.POSITIVE_INFINITY)).toMatchObject({
      kind: 'mid_year',
      year: 2026,
    });
  });
});

describe('parseDigestSchedule', () => {
  it('accepts a weekday, times and day/month dates', () => {
    const r = parseDigestSchedule(
      { weekday: '3', time: '7:30', midYearOn: '3/7', annualOn: '12-10', summaryTime: '14:00', enabled: 'tắt' },
      d,
    );
    expect(r).toEqual({
      ok: true,
      schedule: {
        enabled: false,
        digestWeekday: 3,
        digestTime: '07:30',
        midYearOn: '07-03',
        annualOn: '12-10',
        summaryTime: '14:00',
      },
    });
  });

  it('refuses bad values with one Vietnamese message each', () => {
    const r = parseDigestSchedule(
      { weekday: '0', time: '24:00', midYearOn: '31/6', annualOn: '29/02', enabled: 'có lẽ' },
      d,
    );
    expect(r).toEqual({
      ok: false,
      errors: [
        'Trạng thái gửi bản tin chỉ nhận "bật" hoặc "tắt".',
        'Thứ gửi bản tin phải là số từ 1 (thứ Hai) đến 7 (Chủ nhật).',
        'Giờ "24:00" không hợp lệ; đồng chí vui lòng nhập dạng HH:MM, ví dụ 08:00.',
        'Ngày sơ kết 6 tháng "31/6" không hợp lệ; đồng chí vui lòng nhập dạng ngày/tháng, ví dụ 05/07.',
        'Ngày tổng kết năm "29/02" không hợp lệ; đồng chí vui lòng nhập dạng ngày/tháng, ví dụ 05/07.',
      ],
    });
  });
});
